package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.Placement;
import dev.nightshift.calendar.scheduling.Schedule;
import dev.nightshift.calendar.scheduling.Warning;
import dev.nightshift.calendar.scheduling.store.SchedulingRun;
import dev.nightshift.calendar.scheduling.store.SchedulingStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A scheduling run as the API shows it; placements, warnings and summary once COMPLETED.
 *
 * @param runId the schedule-tasks run: follow it live at {@code /api/v1/runs/{runId}/events}
 */
public record ScheduleView(
    UUID id,
    UUID teamId,
    UUID runId,
    SchedulingStatus status,
    Instant windowStart,
    Instant windowEnd,
    List<Placement> placements,
    List<Warning> warnings,
    Schedule.Summary summary,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {

  static ScheduleView of(SchedulingRun run) {
    var result = run.result();
    return new ScheduleView(
        run.id(),
        run.teamId(),
        run.runId(),
        run.status(),
        run.windowStart(),
        run.windowEnd(),
        result == null ? List.of() : result.placements(),
        result == null ? List.of() : result.warnings(),
        result == null ? null : result.summary(),
        run.error(),
        run.createdAt(),
        run.startedAt(),
        run.finishedAt());
  }
}
