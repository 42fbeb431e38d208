package dev.nightshift.calendar.provider;

/**
 * The provider refuses the connection's credentials for good (OAuth {@code invalid_grant}): the
 * connection is deactivated instead of retried.
 */
public class ConnectionRevokedException extends RuntimeException {

  public ConnectionRevokedException(String message) {
    super(message);
  }
}
