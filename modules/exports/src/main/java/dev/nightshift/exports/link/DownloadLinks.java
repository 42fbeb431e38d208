package dev.nightshift.exports.link;

import dev.nightshift.exports.config.ExportsConfig;
import dev.nightshift.exports.export.Export;
import dev.nightshift.platform.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Signed, expiring links that serve an export's archive without an API key, so they can be mailed
 * to an accountant: {@code <public-url>/downloads/exports/<id>?expires=<epoch seconds>&signature=<
 * HMAC-SHA256 over "<id>.<expires>", base64url>}. Each export has its own random key, sealed at
 * rest with the platform's SecretBox: every node checks links alike, after restarts too, and one
 * export's links reveal nothing about another's.
 */
@ApplicationScoped
public class DownloadLinks {

  /** What checking a link found. */
  public enum Verdict {
    VALID,
    FORGED,
    EXPIRED
  }

  /** A link and when it stops working. */
  public record Link(String url, Instant expiresAt) {}

  private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
  private static final Base64.Decoder DECODER = Base64.getUrlDecoder();
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretBox secrets;
  private final ExportsConfig config;

  DownloadLinks(SecretBox secrets, ExportsConfig config) {
    this.secrets = secrets;
    this.config = config;
  }

  /** A new signing key for the export {@code id}, sealed for storage. */
  public String newKey(UUID id) {
    byte[] key = new byte[32];
    RANDOM.nextBytes(key);
    return secrets.seal(Base64.getEncoder().encodeToString(key), context(id));
  }

  /** A link to the export's archive, valid for {@code nightshift.exports.link-lifetime}. */
  public Link issue(Export export) {
    return issue(export, Instant.now().plus(config.linkLifetime()));
  }

  /** A link to the export's archive that works until {@code expiresAt}. */
  public Link issue(Export export, Instant expiresAt) {
    long expires = expiresAt.getEpochSecond();
    var base = config.publicUrl().toString().replaceAll("/+$", "");
    var url =
        base
            + path(export.id())
            + "?expires="
            + expires
            + "&signature="
            + ENCODER.encodeToString(sign(export, expires));
    return new Link(url, Instant.ofEpochSecond(expires));
  }

  /** Whether {@code signature} was issued for this export and {@code expires}, and still holds. */
  public Verdict verify(Export export, long expires, String signature) {
    byte[] given;
    try {
      given = DECODER.decode(signature);
    } catch (IllegalArgumentException e) {
      return Verdict.FORGED;
    }
    if (!MessageDigest.isEqual(given, sign(export, expires))) {
      return Verdict.FORGED;
    }
    return Instant.now().getEpochSecond() > expires ? Verdict.EXPIRED : Verdict.VALID;
  }

  public static String path(UUID id) {
    return "/downloads/exports/" + id;
  }

  private byte[] sign(Export export, long expires) {
    byte[] key =
        Base64.getDecoder().decode(secrets.open(export.linkKeySealed(), context(export.id())));
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal((export.id() + "." + expires).getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("Every Java runtime has HmacSHA256", e);
    }
  }

  private static String context(UUID id) {
    return "export-link:" + id;
  }
}
