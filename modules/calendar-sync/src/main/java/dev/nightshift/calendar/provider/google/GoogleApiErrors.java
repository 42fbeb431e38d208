package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.ErrorBody;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.ErrorItem;
import dev.nightshift.platform.outbound.RetryAfterHeader;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Calendar API error answers as exceptions, as Google's "Handle API errors" guide sorts them:
 *
 * <ul>
 *   <li>429, 5xx, and 403 whose reason is {@code rateLimitExceeded} or {@code
 *       userRateLimitExceeded}: {@link GoogleUnavailableException}, retried with backoff, waiting
 *       for {@code Retry-After} when Google sends one;
 *   <li>410 ({@code fullSyncRequired}): {@link SyncTokenExpiredException}, list the window again;
 *   <li>any other status: {@link GoogleRefusedException}. A 403 such as {@code dailyLimitExceeded}
 *       is one of them: waiting seconds does not lift a daily quota.
 * </ul>
 */
public class GoogleApiErrors implements ResponseExceptionMapper<RuntimeException> {

  private static final Set<String> RATE_LIMITS =
      Set.of("rateLimitExceeded", "userRateLimitExceeded");

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    ErrorBody body = body(response);
    String reason = reason(body);
    String message =
        "Google Calendar answered "
            + status
            + (reason != null ? " " + reason : "")
            + (body != null && body.error() != null && body.error().message() != null
                ? ": " + body.error().message()
                : "");
    if (status == 429 || status >= 500 || (status == 403 && RATE_LIMITS.contains(reason))) {
      return new GoogleUnavailableException(
          message,
          RetryAfterHeader.parse(response.getHeaderString("Retry-After"), Instant.now()),
          null);
    }
    if (status == 410) {
      return new SyncTokenExpiredException(message);
    }
    return new GoogleRefusedException(status, reason, message);
  }

  private static String reason(ErrorBody body) {
    if (body == null || body.error() == null || body.error().errors() == null) {
      return null;
    }
    return body.error().errors().stream()
        .map(ErrorItem::reason)
        .filter(reason -> reason != null)
        .findFirst()
        .orElse(null);
  }

  private static ErrorBody body(Response response) {
    try {
      return response.readEntity(ErrorBody.class);
    } catch (RuntimeException notJson) {
      // A proxy's HTML page, an empty 503: the status alone decides.
      return null;
    }
  }
}
