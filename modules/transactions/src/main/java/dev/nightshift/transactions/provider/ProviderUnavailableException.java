package dev.nightshift.transactions.provider;

import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

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

  /**
   * Runs a provider call, turning what its fault tolerance throws once it gives up (a timed-out
   * attempt, an open circuit) into this exception: as transient as a 503.
   */
  public static <T> T whenGivenUp(String provider, Supplier<T> call) {
    try {
      return call.get();
    } catch (FaultToleranceException gaveUp) {
      throw new ProviderUnavailableException(provider + ": " + gaveUp.getMessage(), null, gaveUp);
    }
  }
}
