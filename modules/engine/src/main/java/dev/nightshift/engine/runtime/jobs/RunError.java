package dev.nightshift.engine.runtime.jobs;

import java.time.Instant;
import java.util.UUID;

/**
 * A run that ended FAILED or TIMED_OUT, with the exception type and message of its last attempt.
 */
public record RunError(UUID runId, Instant finishedAt, String type, String message) {}
