package dev.nightshift.engine.runtime.jobs;

/** One task's {@link RunTotals} in {@code GET /api/v1/jobs/metrics}. */
public record TaskMetrics(
    String task,
    long executions,
    long successes,
    long failures,
    Long averageDurationMs,
    Long p95DurationMs) {

  static TaskMetrics of(String task, RunTotals totals) {
    return new TaskMetrics(
        task,
        totals.executions(),
        totals.successes(),
        totals.failures(),
        totals.averageDurationMs(),
        totals.p95DurationMs());
  }
}
