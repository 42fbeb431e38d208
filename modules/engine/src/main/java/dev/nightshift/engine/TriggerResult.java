package dev.nightshift.engine;

import java.util.UUID;

/**
 * The run a trigger produced.
 *
 * @param isCached true when an idempotency key matched an existing run, which is returned instead
 *     of a new one
 */
public record TriggerResult(UUID id, boolean isCached) {}
