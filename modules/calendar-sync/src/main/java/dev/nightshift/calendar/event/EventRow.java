package dev.nightshift.calendar.event;

import dev.nightshift.calendar.provider.RemoteEvent;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * A provider's event as it is stored: text cleaned and cut to size, times checked.
 *
 * @param status {@code confirmed} or {@code tentative}
 */
public record EventRow(
    String externalId,
    String title,
    String description,
    String location,
    Instant start,
    Instant end,
    boolean allDay,
    String timeZone,
    String status,
    Instant externalUpdatedAt) {

  static final int MAX_TITLE = 255;
  static final int MAX_DESCRIPTION = 10_000;
  static final int MAX_LOCATION = 1_000;
  static final String UNTITLED = "Untitled event";

  /**
   * The row for a provider's event that is not cancelled; empty when it cannot be stored: no id, no
   * times, or an end that is not after its start (the provider's data, which no retry would fix, so
   * the sync skips it rather than fail on it for ever).
   */
  public static Optional<EventRow> of(RemoteEvent event) {
    if (event.externalId() == null
        || event.externalId().isBlank()
        || event.start() == null
        || event.end() == null
        || !event.end().isAfter(event.start())) {
      return Optional.empty();
    }
    var title = clean(event.title(), MAX_TITLE);
    return Optional.of(
        new EventRow(
            event.externalId(),
            title == null || title.isBlank() ? UNTITLED : title,
            clean(event.description(), MAX_DESCRIPTION),
            clean(event.location(), MAX_LOCATION),
            event.start(),
            event.end(),
            event.allDay(),
            event.timeZone(),
            event.status() == null ? "confirmed" : event.status().name().toLowerCase(Locale.ROOT),
            event.updated()));
  }

  /** PostgreSQL's text refuses NUL; a long text is cut at a code point, never inside one. */
  static String clean(String text, int max) {
    if (text == null) {
      return null;
    }
    var cleaned = text.indexOf('\0') < 0 ? text : text.replace("\0", "");
    if (cleaned.codePointCount(0, cleaned.length()) <= max) {
      return cleaned;
    }
    return cleaned.substring(0, cleaned.offsetByCodePoints(0, max));
  }
}
