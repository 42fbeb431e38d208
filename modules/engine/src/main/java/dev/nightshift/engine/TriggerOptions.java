package dev.nightshift.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * How to trigger a run; every field is optional. Build with {@link #defaults()} and the {@code
 * with...} methods.
 *
 * @param idempotencyKey triggering again with the same key (for the same task) returns the existing
 *     run instead of creating one, until {@code idempotencyKeyTtl} has passed
 * @param idempotencyKeyTtl how long the key holds; null means 30 days
 * @param concurrencyKey in a queue with a concurrency limit, the limit applies per key (for example
 *     the team: one sync per team at a time)
 * @param runAt do not start before this instant ({@code delay} is its relative form)
 * @param priority overrides the task's priority
 * @param ttl expire the run if it has not started within this time
 * @param queue overrides the task's queue
 * @param teamId the team the run belongs to and is visible to
 */
public record TriggerOptions(
    String idempotencyKey,
    Duration idempotencyKeyTtl,
    String concurrencyKey,
    Instant runAt,
    Integer priority,
    Duration ttl,
    List<String> tags,
    Map<String, Object> metadata,
    String queue,
    UUID teamId) {

  public TriggerOptions {
    tags = tags == null ? List.of() : List.copyOf(tags);
    metadata = metadata == null ? Map.of() : Map.copyOf(metadata);
  }

  public static TriggerOptions defaults() {
    return new TriggerOptions(null, null, null, null, null, null, null, null, null, null);
  }

  public TriggerOptions withIdempotencyKey(String key, Duration keyTtl) {
    return new TriggerOptions(
        key, keyTtl, concurrencyKey, runAt, priority, ttl, tags, metadata, queue, teamId);
  }

  public TriggerOptions withConcurrencyKey(String key) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        key,
        runAt,
        priority,
        ttl,
        tags,
        metadata,
        queue,
        teamId);
  }

  public TriggerOptions withRunAt(Instant instant) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        instant,
        priority,
        ttl,
        tags,
        metadata,
        queue,
        teamId);
  }

  public TriggerOptions withDelay(Duration delay) {
    return withRunAt(Instant.now().plus(delay));
  }

  public TriggerOptions withPriority(int value) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        value,
        ttl,
        tags,
        metadata,
        queue,
        teamId);
  }

  public TriggerOptions withTtl(Duration value) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        priority,
        value,
        tags,
        metadata,
        queue,
        teamId);
  }

  public TriggerOptions withTags(List<String> values) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        priority,
        ttl,
        values,
        metadata,
        queue,
        teamId);
  }

  public TriggerOptions withMetadata(Map<String, Object> values) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        priority,
        ttl,
        tags,
        values,
        queue,
        teamId);
  }

  public TriggerOptions withQueue(String value) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        priority,
        ttl,
        tags,
        metadata,
        value,
        teamId);
  }

  public TriggerOptions withTeam(UUID value) {
    return new TriggerOptions(
        idempotencyKey,
        idempotencyKeyTtl,
        concurrencyKey,
        runAt,
        priority,
        ttl,
        tags,
        metadata,
        queue,
        value);
  }
}
