package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.Schedule;
import java.time.Instant;
import java.util.UUID;

/**
 * One schedule in {@code GET /api/v1/jobs/status}.
 *
 * @param status PAUSED when deactivated; else FAILING when its last run failed or timed out;
 *     RUNNING while its last run is unfinished; otherwise IDLE
 * @param lastRun the run it triggered last; null before its first fire time
 * @param nextRun its next fire time; null while paused
 * @param lastDurationMs from start to end of its last run, once that ended
 * @param lastError the last run's error when it ended without success
 */
public record ScheduleStatus(
    UUID id,
    String task,
    UUID teamId,
    String externalId,
    State status,
    Schedule.LastRun lastRun,
    Instant nextRun,
    Long lastDurationMs,
    String lastError) {

  /** How a schedule is doing. */
  public enum State {
    PAUSED,
    FAILING,
    RUNNING,
    IDLE
  }

  static ScheduleStatus of(Schedule schedule) {
    var last = schedule.lastRun();
    var definition = schedule.definition();
    return new ScheduleStatus(
        schedule.id(),
        definition.task(),
        definition.teamId(),
        definition.externalId(),
        state(schedule),
        last,
        schedule.nextRun(),
        last == null || last.duration() == null ? null : last.duration().toMillis(),
        last == null ? null : last.error());
  }

  private static State state(Schedule schedule) {
    var last = schedule.lastRun();
    if (!schedule.active()) {
      return State.PAUSED;
    }
    if (last != null
        && (last.status() == RunStatus.FAILED || last.status() == RunStatus.TIMED_OUT)) {
      return State.FAILING;
    }
    if (last != null && last.status() != null && last.finishedAt() == null) {
      return State.RUNNING;
    }
    return State.IDLE;
  }
}
