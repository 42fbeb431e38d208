package dev.nightshift.engine;

import java.time.Duration;

/**
 * Fails the attempt and asks for the next one after {@code retryAfter} instead of the computed
 * backoff, for example when a provider answered 429 with a Retry-After header. Still counts as an
 * attempt: when none are left the run fails.
 */
public class RetryLaterException extends RuntimeException {

  private final transient Duration retryAfter;

  public RetryLaterException(String message, Duration retryAfter) {
    super(message);
    this.retryAfter = retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
