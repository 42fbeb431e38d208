package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.InvalidScheduleException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/** The bare fire times of a cron expression or an interval, before any spread. Immutable. */
sealed interface Cadence permits CronCadence, IntervalCadence {

  Duration MIN_INTERVAL = Duration.ofSeconds(1);

  /** The first fire time strictly after {@code after}; null if there is none. */
  Instant next(Instant after);

  /**
   * Exactly one of {@code cron} and {@code interval}; the zone applies to the cron.
   *
   * @throws InvalidScheduleException for anything the engine cannot fire
   */
  static Cadence of(String cron, Duration interval, String timezone) {
    if ((cron == null) == (interval == null)) {
      throw new InvalidScheduleException("A schedule needs exactly one of cron and interval.");
    }
    var zone = zone(timezone);
    if (interval != null) {
      if (interval.compareTo(MIN_INTERVAL) < 0) {
        throw new InvalidScheduleException(
            "The interval must be at least 1s; '" + interval + "' is shorter.");
      }
      return new IntervalCadence(interval);
    }
    return CronCadence.parse(cron, zone);
  }

  /** An IANA region id such as {@code Europe/Berlin}, or {@code UTC}; no bare offsets. */
  static ZoneId zone(String timezone) {
    if (!ZoneId.getAvailableZoneIds().contains(timezone)) {
      throw new InvalidScheduleException(
          "'" + timezone + "' is not an IANA time zone such as Europe/Berlin or UTC.");
    }
    return ZoneId.of(timezone);
  }
}
