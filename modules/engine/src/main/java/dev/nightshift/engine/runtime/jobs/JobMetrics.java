package dev.nightshift.engine.runtime.jobs;

import java.time.Instant;
import java.util.List;

/**
 * {@code GET /api/v1/jobs/metrics}: runs that ended between {@code from} and {@code to}, in total
 * and per deployed task.
 *
 * @param window the window as asked for, such as {@code 24h}
 */
public record JobMetrics(
    String window, Instant from, Instant to, RunTotals totals, List<TaskMetrics> tasks) {}
