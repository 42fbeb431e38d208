package dev.nightshift.calendar.provider.google;

import dev.nightshift.engine.NonRetryableException;

/**
 * Google refused the request and asking again would not change its mind: 401 (the access token is
 * not accepted), 403 other than a rate limit (the calendar is not shared with the account, the API
 * is off for the project), 404 (no such calendar), 400, or the OAuth client itself refused. Neither
 * the call nor the run retries it.
 */
public class GoogleRefusedException extends NonRetryableException {

  private final int status;
  private final String reason;

  public GoogleRefusedException(int status, String reason, String message) {
    super(message);
    this.status = status;
    this.reason = reason;
  }

  /** The HTTP status Google answered. */
  public int status() {
    return status;
  }

  /** Google's reason ({@code authError}, {@code notFound}, {@code invalid_client}...), or null. */
  public String reason() {
    return reason;
  }
}
