package dev.nightshift.transactions.transaction;

import dev.nightshift.platform.problem.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.UUID;

/** A position in a list of transactions newest first (by date, then id); opaque to clients. */
public record TransactionCursor(LocalDate date, UUID id) {

  public String encode() {
    var raw = date + "|" + id;
    return Base64.getUrlEncoder()
        .withoutPadding()
        .encodeToString(raw.getBytes(StandardCharsets.UTF_8));
  }

  /** The position a client sent back, or null for the first page; 400 for anything else. */
  public static TransactionCursor decode(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    try {
      var raw = new String(Base64.getUrlDecoder().decode(value), StandardCharsets.UTF_8);
      int bar = raw.indexOf('|');
      return new TransactionCursor(
          LocalDate.parse(raw.substring(0, bar)), UUID.fromString(raw.substring(bar + 1)));
    } catch (RuntimeException e) {
      throw ProblemException.badRequest(
          "invalid-cursor", "The cursor is not one this API returned; start from the first page.");
    }
  }
}
