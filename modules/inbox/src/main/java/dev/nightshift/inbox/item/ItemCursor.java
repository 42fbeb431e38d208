package dev.nightshift.inbox.item;

import dev.nightshift.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;

/** Where a newest-first list of items goes on: after this creation time and id. */
public record ItemCursor(Instant createdAt, UUID id) {

  public String encode() {
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString((createdAt + "|" + id).getBytes(StandardCharsets.UTF_8));
  }

  /** Null for the first page; a cursor that was not made by {@link #encode()} is a 400. */
  public static ItemCursor decode(String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      var parts =
          new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8).split("\\|");
      return new ItemCursor(Instant.parse(parts[0]), UUID.fromString(parts[1]));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest("invalid-parameter", "cursor is not one this API gave");
    }
  }
}
