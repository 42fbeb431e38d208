package dev.nightshift.engine.runtime.store;

import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.wait.WaitSpec;
import java.time.Instant;
import java.util.UUID;

/**
 * How one attempt ended, to be written with others in one statement.
 *
 * @param status COMPLETED, FAILED, TIMED_OUT, QUEUED for a retry at {@code retryAt}, or WAITING for
 *     {@code wait}
 * @param output the result as JSON, for COMPLETED
 * @param error the failed attempt as a JSON object, appended to the run's attempts
 */
public record Completion(
    UUID runId,
    int attempt,
    RunStatus status,
    String output,
    Instant retryAt,
    String error,
    WaitSpec waitSpec) {

  public static Completion suspended(UUID runId, int attempt, WaitSpec wait) {
    return new Completion(runId, attempt, RunStatus.WAITING, null, null, null, wait);
  }
}
