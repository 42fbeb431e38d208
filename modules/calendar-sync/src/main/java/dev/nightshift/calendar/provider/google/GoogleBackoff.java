package dev.nightshift.calendar.provider.google;

import io.smallrye.faulttolerance.api.CustomBackoffStrategy;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The wait before retrying a Google call: Google's {@code Retry-After} when it sent one, up to
 * {@code maxRetryAfter}; else exponential from the initial delay, doubling per retry up to {@code
 * maxDelay}, drawn between half and all of it. One instance per call (SmallRye asks the supplier
 * for a new strategy each time), so the retry count is the call's own.
 */
final class GoogleBackoff implements CustomBackoffStrategy {

  private final long maxDelayMillis;
  private final long maxRetryAfterMillis;
  private long base;
  private int retries;

  GoogleBackoff(Duration maxDelay, Duration maxRetryAfter) {
    this.maxDelayMillis = Math.max(1, maxDelay.toMillis());
    this.maxRetryAfterMillis = maxRetryAfter.toMillis();
  }

  @Override
  public void init(long initialDelayInMillis) {
    base = Math.max(1, initialDelayInMillis);
  }

  @Override
  public long nextDelayInMillis(Throwable cause) {
    if (cause instanceof GoogleUnavailableException unavailable
        && unavailable.retryAfter() != null) {
      retries++;
      return Math.min(maxRetryAfterMillis, unavailable.retryAfter().toMillis());
    }
    long ceiling = Math.min(maxDelayMillis, base << Math.min(retries++, 30));
    return ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1);
  }
}
