package dev.nightshift.engine.runtime.jobs;

/**
 * Runs that ended in a window with an outcome of the task, and how long they took.
 *
 * @param executions runs that ended COMPLETED, FAILED or TIMED_OUT
 * @param successes runs that ended COMPLETED
 * @param failures runs that ended FAILED or TIMED_OUT
 * @param averageDurationMs the mean of their durations (first start to end); null without runs
 * @param p95DurationMs the 95th percentile of their durations, interpolated; null without runs
 */
public record RunTotals(
    long executions, long successes, long failures, Long averageDurationMs, Long p95DurationMs) {

  static final RunTotals NONE = new RunTotals(0, 0, 0, null, null);
}
