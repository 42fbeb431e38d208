package dev.nightshift.engine.runtime.schedule;

import com.cronutils.model.CronType;
import com.cronutils.model.definition.CronDefinitionBuilder;
import com.cronutils.model.time.ExecutionTime;
import com.cronutils.parser.CronParser;
import dev.nightshift.engine.InvalidScheduleException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;

/**
 * A five-field Unix cron read on the wall clock of a time zone. cron-utils matches wall-clock times
 * (evaluated in UTC, which has no daylight saving); this class maps them to instants with two rules
 * for the days the clock jumps:
 *
 * <ul>
 *   <li>spring forward: a wall-clock time that does not exist fires as much later as the clock
 *       jumped ({@code 30 2 * * *} in Berlin fires at 03:30), once, and never twice with a time
 *       that exists;
 *   <li>fall back: a wall-clock time that happens twice fires at its first occurrence, and again at
 *       its second only if the cron also matches the time one repeat earlier, that is, if it fires
 *       every hour anyway ({@code 0 * * * *} fires every real hour, {@code 30 2 * * *} once).
 * </ul>
 */
final class CronCadence implements Cadence {

  private static final CronParser UNIX =
      new CronParser(CronDefinitionBuilder.instanceDefinitionFor(CronType.UNIX));

  private final ExecutionTime times;
  private final ZoneId zone;

  private CronCadence(ExecutionTime times, ZoneId zone) {
    this.times = times;
    this.zone = zone;
  }

  static CronCadence parse(String expression, ZoneId zone) {
    ExecutionTime times;
    try {
      times = ExecutionTime.forCron(UNIX.parse(expression.trim()).validate());
    } catch (RuntimeException e) {
      throw new InvalidScheduleException(
          "'"
              + expression
              + "' is not a Unix cron expression (minute hour day-of-month month day-of-week): "
              + e.getMessage());
    }
    var cadence = new CronCadence(times, zone);
    if (cadence.next(Instant.now()) == null) {
      throw new InvalidScheduleException("The cron expression '" + expression + "' never fires.");
    }
    return cadence;
  }

  @Override
  public Instant next(Instant after) {
    var rules = zone.getRules();
    var local = LocalDateTime.ofInstant(after, zone);
    // Wall-clock times that come before 'after' on the clock may still fire after it: those
    // skipped by a jump forward just before (they fire after the jump), and the second pass of a
    // repeated hour that 'after' lies in or just before.
    var previous = rules.previousTransition(after.plusNanos(1));
    if (previous != null
        && previous.isGap()
        && after.isBefore(previous.getInstant().plus(previous.getDuration()))) {
      local = earlier(local, previous.getDateTimeBefore());
    }
    var upcoming = rules.nextTransition(after);
    if (upcoming != null
        && upcoming.isOverlap()
        && !after.isBefore(upcoming.getInstant().plus(upcoming.getDuration()))) {
      local = earlier(local, upcoming.getDateTimeAfter());
    }
    Instant best = null;
    var cursor = local.minusSeconds(1);
    // Earliest instants grow with wall-clock time, so the first candidate past 'best' ends it.
    for (int i = 0; i < 10_000; i++) {
      var match = times.nextExecution(cursor.atZone(ZoneOffset.UTC));
      if (match.isEmpty()) {
        break;
      }
      cursor = match.get().toLocalDateTime();
      var candidates = instants(cursor);
      if (best != null && !candidates.getFirst().isBefore(best)) {
        break;
      }
      for (var candidate : candidates) {
        if (candidate.isAfter(after) && (best == null || candidate.isBefore(best))) {
          best = candidate;
        }
      }
    }
    return best;
  }

  private static LocalDateTime earlier(LocalDateTime a, LocalDateTime b) {
    return a.isBefore(b) ? a : b;
  }

  /** The instants at which a matching wall-clock time fires, earliest first. */
  private List<Instant> instants(LocalDateTime wall) {
    var rules = zone.getRules();
    var offsets = rules.getValidOffsets(wall);
    if (offsets.size() == 1) {
      return List.of(wall.toInstant(offsets.getFirst()));
    }
    if (offsets.isEmpty()) {
      return List.of(ZonedDateTime.ofLocal(wall, zone, null).toInstant());
    }
    var transition = rules.getTransition(wall);
    var first = wall.toInstant(transition.getOffsetBefore());
    var result = new ArrayList<Instant>(List.of(first));
    var repeat = Duration.between(transition.getDateTimeAfter(), transition.getDateTimeBefore());
    if (times.isMatch(wall.minus(repeat).atZone(ZoneOffset.UTC))) {
      result.add(wall.toInstant(transition.getOffsetAfter()));
    }
    return result;
  }
}
