package dev.nightshift.calendar.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * The 15-minute grid everything is placed on. Every offset in today's time-zone database is a whole
 * number of quarter hours (Lord Howe's +10:30, Nepal's +05:45 included), so local quarter hours are
 * UTC quarter hours and the grid is plain epoch arithmetic. {@link #requireQuarterOffsets} turns a
 * zone away where that would not hold (historic local mean times).
 */
final class Grid {

  static final long QUARTER = 15 * 60;

  private Grid() {}

  static long ceil(long epochSecond) {
    return Math.ceilDiv(epochSecond, QUARTER) * QUARTER;
  }

  static long floor(long epochSecond) {
    return Math.floorDiv(epochSecond, QUARTER) * QUARTER;
  }

  static long ceil(Instant instant) {
    return ceil(instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0));
  }

  static void requireQuarters(Duration duration, String name) {
    if (duration == null || duration.isNegative() || duration.isZero()) {
      throw new IllegalArgumentException(name + " must be positive");
    }
    if (duration.toNanos() % (QUARTER * 1_000_000_000L) != 0) {
      throw new IllegalArgumentException(name + " must be a multiple of 15 minutes");
    }
  }

  /**
   * Rejects a zone with an offset off the quarter-hour grid between {@code from} and {@code to}.
   */
  static void requireQuarterOffsets(ZoneId zone, Instant from, Instant to) {
    var rules = zone.getRules();
    check(zone, rules.getOffset(from));
    for (var t = rules.nextTransition(from);
        t != null && t.getInstant().isBefore(to);
        t = rules.nextTransition(t.getInstant())) {
      check(zone, t.getOffsetAfter());
    }
  }

  private static void check(ZoneId zone, ZoneOffset offset) {
    if (offset.getTotalSeconds() % QUARTER != 0) {
      throw new IllegalArgumentException(
          "The zone " + zone + " has the offset " + offset + ", off the quarter-hour grid");
    }
  }
}
