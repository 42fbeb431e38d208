package dev.nightshift.webhooks.signature;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * A subscription's signing secret in the Standard Webhooks form: {@code whsec_} and the base64 of
 * 24 to 64 random bytes. The decoded bytes key the {@code webhook-signature}; the whole string, as
 * the receiver stores it, keys {@code X-Signature-256} the way GitHub-style verifiers expect.
 */
public record WebhookSecret(String value) {

  private static final String PREFIX = "whsec_";
  private static final int GENERATED_BYTES = 32;
  private static final int MIN_BYTES = 24;
  private static final int MAX_BYTES = 64;
  private static final SecureRandom RANDOM = new SecureRandom();

  public WebhookSecret {
    standardKey(value);
  }

  public static WebhookSecret generate() {
    var bytes = new byte[GENERATED_BYTES];
    RANDOM.nextBytes(bytes);
    return new WebhookSecret(PREFIX + Base64.getEncoder().encodeToString(bytes));
  }

  /** The key of the Standard Webhooks signature. */
  byte[] standardKey() {
    return standardKey(value);
  }

  /** The key of {@code X-Signature-256}. */
  byte[] hubKey() {
    return value.getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] standardKey(String value) {
    if (value == null || !value.startsWith(PREFIX)) {
      throw new IllegalArgumentException(
          "A webhook secret starts with whsec_ followed by base64; leave it out to get one.");
    }
    byte[] key;
    try {
      key = Base64.getDecoder().decode(value.substring(PREFIX.length()));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The webhook secret after whsec_ is not base64.");
    }
    if (key.length < MIN_BYTES || key.length > MAX_BYTES) {
      throw new IllegalArgumentException(
          "A webhook secret holds "
              + MIN_BYTES
              + " to "
              + MAX_BYTES
              + " random bytes; this one holds "
              + key.length
              + ".");
    }
    return key;
  }

  @Override
  public String toString() {
    return "WebhookSecret[whsec_…]";
  }
}
