package dev.nightshift.engine.runtime.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.OverlapPolicy;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.Schedule;
import dev.nightshift.engine.ScheduleDefinition;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A row of {@code engine.schedules} with its last run's state.
 *
 * @param nextRunAt the stored next fire time: due once it has passed
 */
record StoredSchedule(
    UUID id,
    String task,
    UUID teamId,
    String cron,
    Duration interval,
    String timezone,
    String externalId,
    String deduplicationKey,
    JsonNode payload,
    OverlapPolicy overlap,
    CatchUpPolicy catchUp,
    Duration spread,
    Duration offset,
    boolean active,
    Instant nextRunAt,
    Instant createdAt,
    Instant updatedAt,
    Schedule.LastRun lastRun) {

  /** The run states in which a run has not finished: the overlap policy waits for these. */
  static final List<RunStatus> UNFINISHED =
      List.of(RunStatus.QUEUED, RunStatus.EXECUTING, RunStatus.WAITING);

  FireTimes fireTimes() {
    return new FireTimes(Cadence.of(cron, interval, timezone), offset);
  }

  ScheduleDefinition definition() {
    return new ScheduleDefinition(
        task,
        cron,
        interval,
        timezone,
        externalId,
        deduplicationKey,
        payload,
        teamId,
        overlap,
        catchUp,
        spread);
  }

  /**
   * The public view with the next five fire times, from the stored one: a schedule that is due but
   * not yet fired shows that time first.
   */
  Schedule view() {
    var upcoming = active ? fireTimes().next(nextRunAt.minusNanos(1), 5) : List.<Instant>of();
    return new Schedule(id, definition(), active, offset, upcoming, lastRun, createdAt, updatedAt);
  }

  boolean previousRunning() {
    return lastRun != null && lastRun.status() != null && UNFINISHED.contains(lastRun.status());
  }
}
