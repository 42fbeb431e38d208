package dev.nightshift.transactions.provider.teller;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Checks that a webhook request comes from Teller, as Teller documents it: the {@code
 * Teller-Signature} header is {@code t=<unix seconds>,v1=<signature>[,v1=<signature>...]}, each
 * signature the hex HMAC-SHA256 of {@code "<t>.<raw body>"} under a signing secret. While a secret
 * is being rotated Teller signs with every secret that has not expired, so one matching {@code v1}
 * is enough. A signature older than 3 minutes is refused, so a captured request cannot be replayed
 * later. Thread safe.
 */
@Singleton
public class TellerWebhookVerifier {

  /** The request header that carries the signature. */
  public static final String HEADER = "Teller-Signature";

  /** How old (or, with clock skew, how far ahead) a signature may be. */
  static final Duration TOLERANCE = Duration.ofMinutes(3);

  private final SecretKeySpec key;
  private final InstantSource clock;

  @Inject
  TellerWebhookVerifier(TellerConfig config) {
    this(config.signingSecret().orElse(null), InstantSource.system());
  }

  /**
   * @param signingSecret the secret from Teller's dashboard, or null when none is configured
   */
  public TellerWebhookVerifier(String signingSecret, InstantSource clock) {
    this.key =
        signingSecret == null
            ? null
            : new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), "HmacSHA256");
    this.clock = clock;
  }

  /**
   * Returns when {@code signatureHeader} signs {@code body} with the signing secret.
   *
   * @param body the request body exactly as received, before any parsing
   * @throws IllegalArgumentException when the header is missing, malformed, too old, or no
   *     signature matches: the request must be refused
   * @throws IllegalStateException when no signing secret is configured
   */
  public void verify(String signatureHeader, byte[] body) {
    if (key == null) {
      throw new IllegalStateException(
          "Teller webhooks cannot be verified: nightshift.transactions.teller.signing-secret is not"
              + " set");
    }
    if (signatureHeader == null || signatureHeader.isBlank()) {
      throw new IllegalArgumentException("the request has no " + HEADER + " header");
    }
    String timestamp = null;
    List<String> signatures = new ArrayList<>();
    for (String part : signatureHeader.split(",")) {
      String[] pair = part.trim().split("=", 2);
      if (pair.length == 2 && pair[0].equals("t")) {
        timestamp = pair[1];
      } else if (pair.length == 2 && pair[0].equals("v1")) {
        signatures.add(pair[1].toLowerCase(Locale.ROOT));
      }
    }
    if (timestamp == null || signatures.isEmpty()) {
      throw new IllegalArgumentException(HEADER + " needs t= and at least one v1=");
    }
    checkFresh(timestamp);
    byte[] expected = sign(timestamp, body).getBytes(StandardCharsets.US_ASCII);
    for (String signature : signatures) {
      if (MessageDigest.isEqual(expected, signature.getBytes(StandardCharsets.US_ASCII))) {
        return;
      }
    }
    throw new IllegalArgumentException("no " + HEADER + " signature matches the signing secret");
  }

  private void checkFresh(String timestamp) {
    Instant signedAt;
    try {
      signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
    } catch (NumberFormatException notSeconds) {
      throw new IllegalArgumentException(HEADER + " t= is not a Unix timestamp: " + timestamp);
    }
    Duration age = Duration.between(signedAt, clock.instant());
    if (age.abs().compareTo(TOLERANCE) > 0) {
      throw new IllegalArgumentException(
          HEADER + " was signed at " + signedAt + ", more than 3 minutes from now");
    }
  }

  private String sign(String timestamp, byte[] body) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      mac.update((timestamp + ".").getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(mac.doFinal(body));
    } catch (GeneralSecurityException impossible) {
      throw new IllegalStateException("every Java platform has HmacSHA256", impossible);
    }
  }
}
