package dev.nightshift.engine.runtime.store;

import java.time.Instant;
import java.util.UUID;

/** A run this node has just leased, with what executing its attempt needs. */
public record ClaimedRun(
    UUID id,
    String taskId,
    String payload,
    int attempt,
    int maxAttempts,
    UUID teamId,
    String traceParent,
    Instant runAt,
    Instant startedAt) {}
