package dev.nightshift.calendar.scheduling.web;

import java.util.List;
import java.util.Map;

/**
 * A team's working week, as {@code PUT} and {@code GET /api/v1/calendar-working-hours} carry it.
 *
 * @param timeZone an IANA zone id such as {@code Europe/Berlin}
 * @param week blocks per weekday ({@code MONDAY} to {@code SUNDAY}); a missing or empty day is off
 */
public record WorkingHoursBody(String timeZone, Map<String, List<Block>> week) {

  /**
   * Wall-clock times {@code HH:mm} on quarter hours; {@code end} may be {@code 24:00}.
   *
   * @param start inclusive
   * @param end exclusive
   */
  public record Block(String start, String end) {}
}
