package dev.nightshift.calendar.provider.ics;

import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A feed's HTTP validators, carried between syncs in the port's opaque sync token.
 *
 * <p>Token format, version 1: base64url without padding of the UTF-8 text {@code
 * "1\n<ETag>\n<Last-Modified>"}, each value exactly as the server sent it and empty when it sent
 * none. Header values cannot contain a line break, so the split is unambiguous. A token with
 * neither value is valid: the next fetch is then unconditional.
 *
 * @param etag the {@code ETag} header, or null
 * @param lastModified the {@code Last-Modified} header, or null
 */
record Validators(String etag, String lastModified) {

  static final Validators NONE = new Validators(null, null);

  private static final String VERSION = "1";

  String token() {
    String text = VERSION + "\n" + nullToEmpty(etag) + "\n" + nullToEmpty(lastModified);
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(text.getBytes(StandardCharsets.UTF_8));
  }

  /**
   * @throws SyncTokenExpiredException the token is not one this version wrote, so the sync lists
   *     the window again as it would after Google's 410
   */
  static Validators of(String token) {
    String[] parts;
    try {
      parts =
          new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split("\n", -1);
    } catch (IllegalArgumentException notBase64) {
      throw new SyncTokenExpiredException("Not an ICS feed sync token");
    }
    if (parts.length != 3 || !parts[0].equals(VERSION)) {
      throw new SyncTokenExpiredException("Not an ICS feed sync token of version " + VERSION);
    }
    return new Validators(emptyToNull(parts[1]), emptyToNull(parts[2]));
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private static String emptyToNull(String value) {
    return value.isEmpty() ? null : value;
  }
}
