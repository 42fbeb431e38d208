package dev.nightshift.inbox.extraction;

import dev.nightshift.engine.RetryLaterException;
import java.time.Duration;

/**
 * A strategy's remote service did not answer usefully for now: a timeout, a refused connection, a
 * 5xx or a 429. The document is fine; the attempt fails and the run tries again later, after the
 * service's {@code Retry-After} when it sent one, else after the task's backoff.
 */
public class ExtractorUnavailableException extends RetryLaterException {

  /**
   * @param retryAfter the service's wait hint, or null for the task's own backoff
   */
  public ExtractorUnavailableException(String message, Duration retryAfter) {
    super(message, retryAfter);
  }

  public ExtractorUnavailableException(String message, Throwable cause) {
    super(message, null);
    initCause(cause);
  }
}
