package dev.nightshift.calendar.scheduling.store;

import dev.nightshift.calendar.scheduling.Schedule;
import java.time.Instant;
import java.util.UUID;

/**
 * One request to schedule a team's tasks, from its arrival to its result.
 *
 * @param runId the schedule-tasks run of the engine
 * @param windowStart with {@code windowEnd}: the window, fixed when the run started
 * @param result the schedule, once COMPLETED
 */
public record SchedulingRun(
    UUID id,
    UUID teamId,
    UUID runId,
    SchedulingStatus status,
    SchedulingRequest request,
    Instant windowStart,
    Instant windowEnd,
    Schedule result,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant finishedAt) {}
