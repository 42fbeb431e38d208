package dev.nightshift.engine.runtime.jobs;

import java.util.List;

/** {@code GET /api/v1/jobs/status}: every deployed task, by id. */
public record JobStatus(List<TaskStatus> tasks) {}
