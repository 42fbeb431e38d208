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
    var copy = new Copy(this);
    copy.idempotencyKey = key;
    copy.idempotencyKeyTtl = keyTtl;
    return copy.build();
  }

  public TriggerOptions withConcurrencyKey(String key) {
    var copy = new Copy(this);
    copy.concurrencyKey = key;
    return copy.build();
  }

  public TriggerOptions withRunAt(Instant instant) {
    var copy = new Copy(this);
    copy.runAt = instant;
    return copy.build();
  }

  public TriggerOptions withDelay(Duration delay) {
    return withRunAt(Instant.now().plus(delay));
  }

  public TriggerOptions withPriority(int value) {
    var copy = new Copy(this);
    copy.priority = value;
    return copy.build();
  }

  public TriggerOptions withTtl(Duration value) {
    var copy = new Copy(this);
    copy.ttl = value;
    return copy.build();
  }

  public TriggerOptions withTags(List<String> values) {
    var copy = new Copy(this);
    copy.tags = values;
    return copy.build();
  }

  public TriggerOptions withMetadata(Map<String, Object> values) {
    var copy = new Copy(this);
    copy.metadata = values;
    return copy.build();
  }

  public TriggerOptions withQueue(String value) {
    var copy = new Copy(this);
    copy.queue = value;
    return copy.build();
  }

  public TriggerOptions withTeam(UUID value) {
    var copy = new Copy(this);
    copy.teamId = value;
    return copy.build();
  }

  /** A changeable copy, so that each {@code with...} method names only what it changes. */
  private static final class Copy {
    private String idempotencyKey;
    private Duration idempotencyKeyTtl;
    private String concurrencyKey;
    private Instant runAt;
    private Integer priority;
    private Duration ttl;
    private List<String> tags;
    private Map<String, Object> metadata;
    private String queue;
    private UUID teamId;

    private Copy(TriggerOptions o) {
      idempotencyKey = o.idempotencyKey;
      idempotencyKeyTtl = o.idempotencyKeyTtl;
      concurrencyKey = o.concurrencyKey;
      runAt = o.runAt;
      priority = o.priority;
      ttl = o.ttl;
      tags = o.tags;
      metadata = o.metadata;
      queue = o.queue;
      teamId = o.teamId;
    }

    private TriggerOptions build() {
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
          teamId);
    }
  }
}
