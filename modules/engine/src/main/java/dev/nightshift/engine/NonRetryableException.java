package dev.nightshift.engine;

/**
 * Fails the run at once, without further attempts: for errors that retrying cannot fix, such as a
 * revoked provider token or a payload that makes no sense.
 */
public class NonRetryableException extends RuntimeException {

  public NonRetryableException(String message) {
    super(message);
  }

  public NonRetryableException(String message, Throwable cause) {
    super(message, cause);
  }
}
