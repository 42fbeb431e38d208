package dev.nightshift.webhooks.subscription;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A team's endpoint and the events it wants. {@code disabledReason} says why Nightshift turned it
 * off ({@code gone}: it answered 410; {@code failing}: too many deliveries in a row failed); the
 * secret is never part of it.
 */
public record Subscription(
    UUID id,
    UUID teamId,
    String url,
    List<String> events,
    String description,
    boolean active,
    String disabledReason,
    int consecutiveFailures,
    Instant previousSecretExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  public boolean wants(String eventName) {
    return events.stream().anyMatch(pattern -> new EventPattern(pattern).matches(eventName));
  }
}
