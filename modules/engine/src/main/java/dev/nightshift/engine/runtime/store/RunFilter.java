package dev.nightshift.engine.runtime.store;

import dev.nightshift.engine.RunStatus;
import java.time.Instant;
import java.util.UUID;

/**
 * Which runs to list, newest first; null fields do not filter.
 *
 * @param before the cursor: only runs with a smaller id (UUIDv7 ids sort by creation time)
 */
public record RunFilter(
    UUID teamId,
    String taskId,
    RunStatus status,
    String tag,
    Instant createdFrom,
    Instant createdTo,
    UUID before,
    int limit) {}
