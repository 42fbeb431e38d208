package dev.nightshift.platform.blob;

import java.util.regex.Pattern;

/**
 * Vault paths: segments of {@code [A-Za-z0-9._-]} joined by {@code /}, none empty, {@code .} or
 * {@code ..}, none longer than 255 characters (the longest file name most filesystems take), at
 * most 512 characters in all. Checked before a path becomes a file name or an object key, which is
 * what keeps a vault file inside the vault.
 */
final class VaultPath {

  private static final int MAX_LENGTH = 512;

  private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9._-]{1,255}");

  private VaultPath() {}

  /**
   * Returns {@code path} when it is a vault path.
   *
   * @throws IllegalArgumentException naming the path when it is not
   */
  static String check(String path) {
    if (path == null) {
      throw new IllegalArgumentException("A vault path is required");
    }
    if (path.length() > MAX_LENGTH) {
      throw invalid(path, "longer than " + MAX_LENGTH + " characters");
    }
    // The limit -1 keeps empty segments, so a leading, trailing or doubled '/' is refused too.
    for (String segment : path.split("/", -1)) {
      if (!SEGMENT.matcher(segment).matches() || segment.equals(".") || segment.equals("..")) {
        throw invalid(
            path,
            "not segments of letters, digits, '.', '_' and '-' joined by '/'"
                + " (none empty, '.' or '..', none longer than 255 characters)");
      }
    }
    return path;
  }

  private static IllegalArgumentException invalid(String path, String why) {
    return new IllegalArgumentException("Vault path " + BlobKey.printable(path) + " is " + why);
  }
}
