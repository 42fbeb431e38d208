package dev.nightshift.engine.runtime.store;

import dev.nightshift.engine.RunStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * How one attempt ended, to be written with others in one statement.
 *
 * @param status COMPLETED, FAILED, TIMED_OUT, or QUEUED for a retry at {@code retryAt}
 * @param output the result as JSON, for COMPLETED
 * @param error the failed attempt as a JSON object, appended to the run's attempts
 */
public record Completion(
    UUID runId, int attempt, RunStatus status, String output, Instant retryAt, String error) {}
