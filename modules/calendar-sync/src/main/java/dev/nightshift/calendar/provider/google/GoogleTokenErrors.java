package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.google.GoogleTokenApi.ErrorBody;
import dev.nightshift.platform.outbound.RetryAfterHeader;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Token endpoint error answers (RFC 6749, section 5.2) as exceptions:
 *
 * <ul>
 *   <li>{@code invalid_grant}: {@link ConnectionRevokedException}. The user revoked access, the
 *       refresh token expired (seven days for an app in testing) or was rotated away: only a new
 *       consent helps, so the connection is deactivated;
 *   <li>429 and 5xx: {@link GoogleUnavailableException}, retried;
 *   <li>anything else ({@code invalid_client}, {@code unauthorized_client}...): {@link
 *       GoogleRefusedException}, the OAuth client's settings are wrong for every connection.
 * </ul>
 */
public class GoogleTokenErrors implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    ErrorBody body = body(response);
    String error = body != null ? body.error() : null;
    String message =
        "Google's token endpoint answered "
            + status
            + (error != null ? " " + error : "")
            + (body != null && body.description() != null ? ": " + body.description() : "");
    if ("invalid_grant".equals(error)) {
      return new ConnectionRevokedException(message);
    }
    if (status == 429 || status >= 500) {
      return new GoogleUnavailableException(
          message,
          RetryAfterHeader.parse(response.getHeaderString("Retry-After"), Instant.now()),
          null);
    }
    return new GoogleRefusedException(status, error, message);
  }

  private static ErrorBody body(Response response) {
    try {
      return response.readEntity(ErrorBody.class);
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
