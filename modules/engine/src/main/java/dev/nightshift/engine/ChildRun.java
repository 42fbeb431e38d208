package dev.nightshift.engine;

import java.util.UUID;

/**
 * A child run as {@link TaskContext#triggerAndWait} returns it once it finished.
 *
 * @param status COMPLETED, or how it failed: FAILED, TIMED_OUT, CANCELED or EXPIRED
 * @param output the child's result when it COMPLETED, else null
 * @param error the message of the child's last failed attempt, when it did not complete
 */
public record ChildRun<R>(UUID runId, RunStatus status, R output, String error) {

  public boolean isCompleted() {
    return status == RunStatus.COMPLETED;
  }
}
