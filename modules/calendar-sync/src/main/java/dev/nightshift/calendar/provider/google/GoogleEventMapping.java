package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Event;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.EventTime;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Optional;

/** Google's event resource as a {@link RemoteEvent}. */
final class GoogleEventMapping {

  /** What Google's own UI shows for an event without a title. */
  static final String UNTITLED = "Untitled event";

  private GoogleEventMapping() {}

  /**
   * The event, or empty when it cannot be placed in time: no start or end, an unreadable one, or an
   * end not after its start. A cancelled event is only its id.
   *
   * @param calendarZone the zone of an all-day event that names none; null reads as UTC
   */
  static Optional<RemoteEvent> map(Event event, ZoneId calendarZone) {
    if ("cancelled".equals(event.status())) {
      return Optional.of(RemoteEvent.cancelled(event.id()));
    }
    if (event.id() == null || event.start() == null || event.end() == null) {
      return Optional.empty();
    }
    ZoneId fallback = calendarZone != null ? calendarZone : ZoneOffset.UTC;
    ZoneId zone = zone(event.start().timeZone(), fallback);
    boolean allDay = event.start().date() != null;
    Instant start;
    Instant end;
    try {
      start = instant(event.start(), zone);
      end = instant(event.end(), zone(event.end().timeZone(), zone));
    } catch (DateTimeException unreadable) {
      return Optional.empty();
    }
    if (start == null || end == null || !end.isAfter(start)) {
      return Optional.empty();
    }
    return Optional.of(
        new RemoteEvent(
            event.id(),
            false,
            event.summary() == null || event.summary().isBlank() ? UNTITLED : event.summary(),
            event.description(),
            event.location(),
            start,
            end,
            allDay,
            zone.getId(),
            "tentative".equals(event.status())
                ? RemoteEvent.Status.TENTATIVE
                : RemoteEvent.Status.CONFIRMED,
            updated(event.updated())));
  }

  /** The calendar's zone from a page, or null when Google sent none or one Java does not know. */
  static ZoneId calendarZone(String timeZone) {
    return zone(timeZone, null);
  }

  /** An all-day date is midnight in the zone; Google's end date is already exclusive. */
  private static Instant instant(EventTime time, ZoneId zone) {
    if (time.dateTime() != null) {
      return OffsetDateTime.parse(time.dateTime()).toInstant();
    }
    if (time.date() != null) {
      return LocalDate.parse(time.date()).atStartOfDay(zone).toInstant();
    }
    return null;
  }

  private static Instant updated(String updated) {
    try {
      return updated == null ? null : OffsetDateTime.parse(updated).toInstant();
    } catch (DateTimeException unreadable) {
      return null;
    }
  }

  private static ZoneId zone(String id, ZoneId fallback) {
    if (id == null || id.isBlank()) {
      return fallback;
    }
    try {
      return ZoneId.of(id);
    } catch (DateTimeException unknown) {
      return fallback;
    }
  }
}
