package dev.nightshift.calendar.provider;

import java.time.Duration;

/**
 * The provider did not answer usefully for now (no answer, a 5xx, a rate limit): a sync run's next
 * attempt asks again, and a request that needed the answer at once gets a 503.
 */
public class ProviderUnavailableException extends RuntimeException {

  private final transient Duration retryAfter;

  /**
   * @param retryAfter the wait the provider asked for, or null
   */
  public ProviderUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The wait the provider asked for, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
