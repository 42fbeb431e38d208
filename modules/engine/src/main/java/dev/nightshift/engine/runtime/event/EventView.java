package dev.nightshift.engine.runtime.event;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An event in the outbox with its delivery state, as the API shows it.
 *
 * @param deliveredAt null until a hand-over was acknowledged
 * @param attempts hand-overs to the channel so far
 * @param nextAttemptAt for an undelivered event, when the relay hands it over (again)
 * @param lastError why the last hand-over was nacked, if one was
 */
public record EventView(
    UUID id,
    String name,
    UUID teamId,
    JsonNode payload,
    String source,
    Instant createdAt,
    Instant deliveredAt,
    int attempts,
    Instant nextAttemptAt,
    String lastError) {}
