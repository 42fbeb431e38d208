package dev.nightshift.engine.runtime.task;

import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.runtime.config.EngineConfig.TaskOverride;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/** A task's effective settings: its annotation, with configuration overrides applied. */
public record TaskSettings(
    String queue,
    int concurrencyLimit,
    int queueLimit,
    int maxAttempts,
    Duration backoffBase,
    double backoffFactor,
    Duration backoffMax,
    double backoffJitter,
    Duration maxDuration,
    int priority) {

  static TaskSettings of(TaskDefinition definition, TaskOverride override) {
    String queue = definition.queue().isEmpty() ? definition.id() : definition.queue();
    var settings =
        new TaskSettings(
            override == null ? queue : override.queue().orElse(queue),
            override == null
                ? definition.concurrencyLimit()
                : override.concurrencyLimit().orElse(definition.concurrencyLimit()),
            override == null
                ? definition.queueLimit()
                : override.queueLimit().orElse(definition.queueLimit()),
            override == null
                ? definition.maxAttempts()
                : override.maxAttempts().orElse(definition.maxAttempts()),
            duration(
                definition.backoffBase(),
                override == null ? null : override.backoffBase().orElse(null)),
            override == null
                ? definition.backoffFactor()
                : override.backoffFactor().orElse(definition.backoffFactor()),
            duration(
                definition.backoffMax(),
                override == null ? null : override.backoffMax().orElse(null)),
            override == null
                ? definition.backoffJitter()
                : override.backoffJitter().orElse(definition.backoffJitter()),
            duration(
                definition.maxDuration(),
                override == null ? null : override.maxDuration().orElse(null)),
            override == null
                ? definition.priority()
                : override.priority().orElse(definition.priority()));
    settings.validate(definition.id());
    return settings;
  }

  /**
   * The delay before attempt {@code nextAttempt} (2 for the first retry): base times factor to the
   * power of the retries so far, capped, then randomised by the jitter fraction.
   */
  public Duration backoffBefore(int nextAttempt) {
    double millis = backoffBase.toMillis() * Math.pow(backoffFactor, Math.max(0, nextAttempt - 2));
    millis = Math.min(millis, backoffMax.toMillis());
    double spread = backoffJitter * millis;
    millis += ThreadLocalRandom.current().nextDouble(-spread, spread + Double.MIN_VALUE);
    return Duration.ofMillis(Math.max(0, Math.round(millis)));
  }

  private void validate(String taskId) {
    if (maxAttempts < 1
        || concurrencyLimit < 0
        || queueLimit < 0
        || backoffFactor < 1
        || backoffJitter < 0
        || backoffJitter > 1
        || maxDuration.isNegative()
        || maxDuration.isZero()) {
      throw new IllegalStateException(
          "Task '"
              + taskId
              + "' has invalid settings: "
              + this
              + " (max-attempts >= 1, concurrency-limit >= 0, queue-limit >= 0,"
              + " backoff-factor >= 1, 0 <= backoff-jitter <= 1, max-duration > 0)");
    }
  }

  private static Duration duration(String annotated, Duration configured) {
    return configured != null ? configured : DurationConverter.parseDuration(annotated);
  }
}
