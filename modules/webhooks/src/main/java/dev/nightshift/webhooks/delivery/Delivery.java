package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.UUID;

/**
 * One event on its way to one subscription: {@code pending} while it is being tried (due at {@code
 * nextAttemptAt}), then {@code succeeded} or {@code failed}. {@code runId} is the engine run that
 * tried it last; {@code eventId} is null for a ping.
 */
public record Delivery(
    UUID id,
    UUID teamId,
    UUID subscriptionId,
    UUID eventId,
    String eventName,
    String status,
    int attempts,
    @JsonIgnore int roundAttempts,
    Instant nextAttemptAt,
    Integer lastStatusCode,
    String lastError,
    UUID runId,
    Instant createdAt,
    Instant finishedAt) {

  public static final String PENDING = "pending";
  public static final String SUCCEEDED = "succeeded";
  public static final String FAILED = "failed";

  public boolean isPing() {
    return eventId == null;
  }
}
