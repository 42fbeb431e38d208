package dev.nightshift.calendar.provider.ics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.time.temporal.Temporal;
import net.fortuna.ical4j.model.Period;

/**
 * The four shapes of an iCalendar time as ical4j hands them over, placed on the time line: UTC
 * ({@code Instant}), with a {@code TZID} ({@code ZonedDateTime}), floating ({@code LocalDateTime},
 * in the feed's zone) and a date ({@code LocalDate}, from midnight in the feed's zone).
 */
final class Temporals {

  private static final DateTimeFormatter UTC_BASIC =
      DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter DATE_BASIC = DateTimeFormatter.BASIC_ISO_DATE;

  private final ZoneId zone;

  /**
   * @param zone the zone of floating times and dates
   */
  Temporals(ZoneId zone) {
    this.zone = zone;
  }

  ZoneId zone() {
    return zone;
  }

  Instant instant(Temporal time) {
    return switch (time) {
      case Instant instant -> instant;
      case ZonedDateTime zoned -> zoned.toInstant();
      case OffsetDateTime offset -> offset.toInstant();
      case LocalDateTime floating -> floating.atZone(zone).toInstant();
      case LocalDate date -> date.atStartOfDay(zone).toInstant();
      default -> throw new InvalidFeedException("A time of an unknown kind: " + time);
    };
  }

  /**
   * The suffix that names one instance of a recurring event: its start in UTC basic format ({@code
   * 20260302T080000Z}), or its date ({@code 20260302}) for an all-day event, as Google names
   * instances. An overriding {@code RECURRENCE-ID} yields the same suffix as the instance it
   * replaces, whichever of the four shapes either is written in.
   */
  String instanceKey(Temporal time) {
    return time instanceof LocalDate date
        ? DATE_BASIC.format(date)
        : UTC_BASIC.format(instant(time));
  }

  /**
   * {@code [from, to)} in the shape of {@code like}, widened by a day on each side: ical4j compares
   * within one shape, and the caller filters the occurrences by their exact instants afterwards.
   */
  Period<? extends Temporal> window(Temporal like, Instant from, Instant to) {
    Instant start = from.minus(1, ChronoUnit.DAYS);
    Instant end = to.plus(1, ChronoUnit.DAYS);
    return switch (like) {
      case ZonedDateTime zoned ->
          new Period<>(start.atZone(zoned.getZone()), end.atZone(zoned.getZone()));
      case OffsetDateTime offset ->
          new Period<>(start.atOffset(offset.getOffset()), end.atOffset(offset.getOffset()));
      case LocalDateTime ignored ->
          new Period<>(LocalDateTime.ofInstant(start, zone), LocalDateTime.ofInstant(end, zone));
      case LocalDate ignored ->
          new Period<>(LocalDate.ofInstant(start, zone), LocalDate.ofInstant(end, zone));
      default -> new Period<>(start, end);
    };
  }
}
