package dev.nightshift.webhooks.delivery;

import dev.nightshift.webhooks.config.WebhooksConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * When a failed delivery is tried again: {@code initial-interval × multiplier^(n−2)} before attempt
 * n, capped at {@code max-interval}, moved by up to ± {@code jitter} so that the retries of many
 * deliveries that failed together spread out. A receiver's {@code Retry-After} on a 429 or 503
 * replaces it, up to {@link #LONGEST_RETRY_AFTER}.
 */
@ApplicationScoped
class RetrySchedule {

  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

  private final WebhooksConfig.Retry retry;

  RetrySchedule(WebhooksConfig config) {
    this.retry = config.retry();
  }

  boolean hasAttemptAfter(int attempt) {
    return attempt < retry.maxAttempts();
  }

  /** The wait after failed attempt {@code attempt} (1 for the first). */
  Duration after(int attempt, Attempt failed) {
    var asked = failed.retryAfter(LONGEST_RETRY_AFTER);
    if (asked != null) {
      return asked;
    }
    double base = retry.initialInterval().toMillis() * Math.pow(retry.multiplier(), attempt - 1.0);
    double capped = Math.min(base, retry.maxInterval().toMillis());
    double jitter = retry.jitter() * (2 * ThreadLocalRandom.current().nextDouble() - 1);
    return Duration.ofMillis(Math.round(capped * (1 + jitter)));
  }
}
