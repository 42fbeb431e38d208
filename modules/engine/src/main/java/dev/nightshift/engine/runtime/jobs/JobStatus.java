package dev.nightshift.engine.runtime.jobs;

import java.util.List;

/**
 * {@code GET /api/v1/jobs/status}: every deployed task, by id, and the schedules in view (at most
 * {@link JobsService#MAX_SCHEDULES}; page through {@code /api/v1/schedules} for more).
 */
public record JobStatus(List<TaskStatus> tasks, List<ScheduleStatus> schedules) {}
