package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.ProviderUnavailableException;
import java.time.Duration;

/**
 * Google did not answer usefully for now: a rate limit (429, or 403 with reason {@code
 * rateLimitExceeded} or {@code userRateLimitExceeded}), a 5xx, a timeout, a refused connection.
 * Retried within the call, waiting {@link #retryAfter()} when Google named a wait; once those
 * retries are spent it reaches the sync run, whose own retries take over.
 */
public class GoogleUnavailableException extends ProviderUnavailableException {

  /**
   * @param retryAfter Google's {@code Retry-After}, or null
   */
  public GoogleUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, retryAfter, cause);
  }
}
