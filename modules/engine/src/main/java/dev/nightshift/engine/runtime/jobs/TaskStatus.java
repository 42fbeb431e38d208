package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.engine.RunStatus;
import java.time.Duration;
import java.time.Instant;

/**
 * One task in {@code GET /api/v1/jobs/status}.
 *
 * @param status FAILING when the last run that ended with an outcome of the task failed or timed
 *     out; otherwise RUNNING when a run executes; otherwise IDLE
 * @param lastRun the most recently started run, executing or finished
 * @param lastDurationMs from start to end of the run that ended last (COMPLETED, FAILED, TIMED_OUT)
 * @param lastError the last run that ended FAILED or TIMED_OUT, with its last attempt's error
 * @param waiting runs suspended on a durable wait, holding no worker
 */
public record TaskStatus(
    String task,
    String queue,
    State status,
    RunSummary lastRun,
    Instant nextRunAt,
    Long lastDurationMs,
    RunError lastError,
    long queued,
    long executing,
    long waiting) {

  /** How a task is doing, worst first. */
  public enum State {
    FAILING,
    RUNNING,
    IDLE
  }

  static TaskStatus of(String queue, TaskActivity activity) {
    var finished = activity.lastFinished();
    var executing = activity.latestExecuting();
    State state;
    if (finished != null
        && (finished.status() == RunStatus.FAILED || finished.status() == RunStatus.TIMED_OUT)) {
      state = State.FAILING;
    } else if (activity.executing() > 0) {
      state = State.RUNNING;
    } else {
      state = State.IDLE;
    }
    return new TaskStatus(
        activity.taskId(),
        queue,
        state,
        later(executing, finished),
        activity.nextRunAt(),
        finished == null
            ? null
            : Duration.between(finished.startedAt(), finished.finishedAt()).toMillis(),
        activity.lastFailure(),
        activity.queued(),
        activity.executing(),
        activity.waiting());
  }

  /** The run that started later; a run that executes may have started before the last finished. */
  private static RunSummary later(RunSummary executing, RunSummary finished) {
    if (executing == null) {
      return finished;
    }
    if (finished == null) {
      return executing;
    }
    return executing.startedAt().isAfter(finished.startedAt()) ? executing : finished;
  }
}
