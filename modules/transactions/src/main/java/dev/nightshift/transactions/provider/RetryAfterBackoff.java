package dev.nightshift.transactions.provider;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The delay before retrying a provider call: the provider's {@code Retry-After} when it sent one
 * (capped at a minute: longer waits belong to the run's own retries), else exponential from the
 * retry's base delay with full jitter. Use with {@code @Retry(...) @CustomBackoff(...)}.
 */
public class RetryAfterBackoff implements CustomBackoffStrategy {

  private static final long MAX_MILLIS = 60_000;

  private long base;
  private int retries;

  @Override
  public void init(long initialDelayInMillis) {
    base = Math.max(1, initialDelayInMillis);
  }

  @Override
  public long nextDelayInMillis(Throwable cause) {
    if (cause instanceof ProviderUnavailableException unavailable
        && unavailable.retryAfter() != null) {
      return Math.min(MAX_MILLIS, unavailable.retryAfter().toMillis());
    }
    long ceiling = Math.min(MAX_MILLIS, base << Math.min(retries++, 16));
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }
}
