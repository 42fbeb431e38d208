package dev.nightshift.platform.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * The format of API keys: {@code nsk_} followed by 32 random bytes in unpadded base64url. The
 * prefix lets secret scanners recognise a leaked key.
 *
 * <p>Keys are stored as SHA-256 digests. A slow password hash would add nothing: a key carries 256
 * bits of randomness, so its digest cannot be reversed by guessing, and every request must look one
 * up.
 */
public final class ApiKeys {

  public static final String PREFIX = "nsk_";

  /** How much of a key is kept in clear to tell keys apart in listings. */
  static final int VISIBLE_CHARS = PREFIX.length() + 6;

  private static final SecureRandom RANDOM = new SecureRandom();

  private ApiKeys() {}

  public static String generate() {
    byte[] bytes = new byte[32];
    RANDOM.nextBytes(bytes);
    return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }

  public static byte[] hash(String key) {
    try {
      return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static String visiblePart(String key) {
    return key.substring(0, Math.min(VISIBLE_CHARS, key.length()));
  }
}
