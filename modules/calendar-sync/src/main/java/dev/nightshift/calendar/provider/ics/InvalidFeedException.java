package dev.nightshift.calendar.provider.ics;

import dev.nightshift.engine.NonRetryableException;

/**
 * The feed cannot be imported as it is, and asking again will not change that: it is not iCalendar,
 * it is too large, the server refuses it (4xx), or its address is one outbound HTTP does not reach.
 * Fails the sync run at once. The message names the host, never the URL's path or query, which
 * often carry a private feed's secret.
 */
public class InvalidFeedException extends NonRetryableException {

  public InvalidFeedException(String message) {
    super(message);
  }

  public InvalidFeedException(String message, Throwable cause) {
    super(message, cause);
  }
}
