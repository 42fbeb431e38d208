package dev.nightshift.platform.blob;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.regex.Pattern;

/** Blob keys: SHA-256 digests in lowercase hex. */
final class BlobKey {

  private static final Pattern KEY = Pattern.compile("[0-9a-f]{64}");

  private BlobKey() {}

  static MessageDigest digest() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("Every Java runtime has SHA-256", e);
    }
  }

  static String of(MessageDigest sha256) {
    return HexFormat.of().formatHex(sha256.digest());
  }

  /**
   * Whether the string is a key. Only such strings become file names or object keys, which is what
   * keeps {@code ../} and friends out of paths.
   */
  static boolean isValid(String key) {
    return key != null && KEY.matcher(key).matches();
  }

  /** The key for a message, cut short when it is not a key (it may come from anywhere). */
  static String printable(String key) {
    if (key == null) {
      return "null";
    }
    return isValid(key) || key.length() <= 80
        ? "'" + key + "'"
        : "'" + key.substring(0, 80) + "...'";
  }
}
