package dev.nightshift.platform.api;

import dev.nightshift.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/**
 * A keyset position in a list ordered by creation time, then id: stable while rows are added,
 * unlike an offset. Opaque to clients.
 */
public record Cursor(Instant createdAt, UUID id) {

  public String encode() {
    var raw = createdAt.toString() + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a client sent back, or null for the first page; 400 for anything else. */
  public static Cursor decode(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      var raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new Cursor(
          Instant.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "invalid-cursor", "The cursor is not one this API returned; start from the first page.");
    }
  }
}
