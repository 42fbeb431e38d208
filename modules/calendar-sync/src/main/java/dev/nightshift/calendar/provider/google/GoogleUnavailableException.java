package dev.nightshift.calendar.provider.google;

import java.time.Duration;

/**
 * Google did not answer usefully for now: a rate limit (429, or 403 with reason {@code
 * rateLimitExceeded} or {@code userRateLimitExceeded}), a 5xx, a timeout, a refused connection.
 * Retried within the call, waiting {@link #retryAfter()} when Google named a wait; once those
 * retries are spent it reaches the sync run, whose own retries take over.
 */
public class GoogleUnavailableException extends RuntimeException {

  private final transient Duration retryAfter;

  /**
   * @param retryAfter Google's {@code Retry-After}, or null
   */
  public GoogleUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait Google asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
