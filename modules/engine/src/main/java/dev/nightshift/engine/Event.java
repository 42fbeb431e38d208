package dev.nightshift.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.util.UUID;

/**
 * An event as consumers receive it from the outbox. Immutable.
 *
 * @param id UUIDv7, the same on every delivery of this event: deduplicate by it
 * @param name such as {@code run.completed}
 * @param teamId the team it belongs to, null for a system event
 * @param payload a JSON object
 * @param occurredAt when it was written to the outbox
 */
public record Event(UUID id, String name, UUID teamId, JsonNode payload, Instant occurredAt) {

  /**
   * An idempotency key for the run a consumer triggers in reaction to this event, so that a
   * redelivered event finds the run of the first delivery instead of making a second one: {@code
   * engine.trigger(task, payload, TriggerOptions.defaults().withTeam(event.teamId())
   * .withIdempotencyKey(event.idempotencyKey(), null))}. Keys are per task and team, so two
   * consumers triggering different tasks do not collide.
   */
  public String idempotencyKey() {
    return "event:" + id;
  }
}
