package dev.nightshift.transactions.provider;

import java.time.Duration;

/**
 * The provider did not answer usefully for now: a timeout, a 5xx, a 429. Retried by the call's
 * fault tolerance, honouring {@code retryAfter}; when those retries are used up, by the run.
 */
public class ProviderUnavailableException extends RuntimeException {

  private final transient Duration retryAfter;

  /**
   * @param retryAfter the provider's {@code Retry-After}, or null
   */
  public ProviderUnavailableException(String message, Duration retryAfter, Throwable cause) {
    super(message, cause);
    this.retryAfter = retryAfter;
  }

  /** The provider's hint, or null. */
  public Duration retryAfter() {
    return retryAfter;
  }
}
