package dev.nightshift.transactions.provider.gocardless;

import dev.nightshift.platform.outbound.RetryAfterHeader;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.ErrorBody;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * GoCardless error answers as the provider SPI's exceptions:
 *
 * <ul>
 *   <li>429 and 5xx: {@link ProviderUnavailableException}, waiting for {@code Retry-After} or else
 *       the rate-limit reset headers GoCardless documents (seconds left in the window);
 *   <li>an ended consent (expired or revoked end user agreement: {@code AccessExpiredError}, a
 *       detail "EUA was valid for ...", {@code AccountInactiveError}, a suspended account): {@link
 *       ProviderAuthException}, the user must reconnect;
 *   <li>any other 401: our access token was refused, {@link RejectedTokenException} (retried with a
 *       new one);
 *   <li>404: {@link NotFoundException}; any other 4xx: {@link IllegalStateException}.
 * </ul>
 */
public class GoCardlessErrors implements ResponseExceptionMapper<RuntimeException> {

  private static final Set<String> CONSENT_ENDED =
      Set.of("AccessExpiredError", "AccountInactiveError");

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    ErrorBody body = body(response);
    String message = "GoCardless answered " + status + describe(body);
    if (status == 429 || status >= 500) {
      return new ProviderUnavailableException(message, waitHint(response), null);
    }
    String consentEnded = consentEnded(body);
    if (consentEnded != null) {
      return new ProviderAuthException(consentEnded, message);
    }
    if (status == 401) {
      return new RejectedTokenException(message);
    }
    if (status == 404) {
      return new NotFoundException(message);
    }
    return new IllegalStateException(message);
  }

  /** The error code when the body says the end user's consent is over, else null. */
  static String consentEnded(ErrorBody body) {
    if (body == null) {
      return null;
    }
    if (body.type() != null && CONSENT_ENDED.contains(body.type())) {
      return body.type();
    }
    if (contains(body.detail(), "EUA was valid for")) {
      return "EndUserAgreementExpired";
    }
    // Documented as final: only a new requisition brings the account back.
    if (contains(body.summary(), "Account suspended")) {
      return "AccountSuspended";
    }
    return null;
  }

  /**
   * {@code Retry-After} when sent; else the reset of the per-account limit when that one is used
   * up, else the reset of the general limit. GoCardless documents the headers as {@code
   * HTTP_X_RATELIMIT_...}; the dashed spelling is read too.
   */
  private static Duration waitHint(Response response) {
    Instant now = Instant.now();
    Duration retryAfter = RetryAfterHeader.parse(response.getHeaderString("Retry-After"), now);
    if (retryAfter != null) {
      return retryAfter;
    }
    String accountRemaining =
        header(
            response,
            "HTTP_X_RATELIMIT_ACCOUNT_SUCCESS_REMAINING",
            "X-RateLimit-Account-Success-Remaining");
    String accountReset =
        header(
            response,
            "HTTP_X_RATELIMIT_ACCOUNT_SUCCESS_RESET",
            "X-RateLimit-Account-Success-Reset");
    String reset = header(response, "HTTP_X_RATELIMIT_RESET", "X-RateLimit-Reset");
    if (accountReset != null && (reset == null || "0".equals(accountRemaining))) {
      return RetryAfterHeader.parse(accountReset, now);
    }
    return RetryAfterHeader.parse(reset, now);
  }

  private static String header(Response response, String name, String alias) {
    String value = response.getHeaderString(name);
    return value != null ? value : response.getHeaderString(alias);
  }

  private static ErrorBody body(Response response) {
    try {
      return response.readEntity(ErrorBody.class);
    } catch (RuntimeException notJson) {
      return null;
    }
  }

  private static String describe(ErrorBody body) {
    if (body == null) {
      return "";
    }
    StringBuilder text = new StringBuilder();
    for (String part : new String[] {body.type(), body.summary(), body.detail()}) {
      if (part != null && !part.isBlank()) {
        text.append(text.isEmpty() ? ": " : " - ").append(part);
      }
    }
    return text.toString();
  }

  private static boolean contains(String text, String part) {
    return text != null && text.contains(part);
  }
}
