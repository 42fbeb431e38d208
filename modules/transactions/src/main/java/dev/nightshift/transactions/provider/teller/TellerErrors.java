package dev.nightshift.transactions.provider.teller;

import dev.nightshift.platform.outbound.RetryAfterHeader;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.teller.TellerApi.ErrorBody;
import dev.nightshift.transactions.provider.teller.TellerApi.ErrorDetail;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.core.Response;
import java.time.Instant;
import org.eclipse.microprofile.rest.client.ext.ResponseExceptionMapper;

/**
 * Teller error answers ({@code {"error": {"code", "message"}}}) as the provider SPI's exceptions:
 *
 * <ul>
 *   <li>429 and 5xx (502: the bank failed): {@link ProviderUnavailableException}, waiting for
 *       {@code Retry-After} when sent;
 *   <li>401, 403 (a missing, invalid or revoked access token) and any {@code
 *       enrollment.disconnected...} code (the user must log in again through Teller Connect):
 *       {@link ProviderAuthException} with Teller's code;
 *   <li>404: {@link NotFoundException}; any other 4xx (400: no client certificate, 410: account
 *       closed): {@link IllegalStateException}.
 * </ul>
 */
public class TellerErrors implements ResponseExceptionMapper<RuntimeException> {

  @Override
  public RuntimeException toThrowable(Response response) {
    int status = response.getStatus();
    ErrorDetail error = error(response);
    String code = error == null ? null : error.code();
    String message =
        "Teller answered "
            + status
            + (error == null ? "" : ": " + error.code() + " - " + error.message());
    if (status == 429 || status >= 500) {
      return new ProviderUnavailableException(
          message,
          RetryAfterHeader.parse(response.getHeaderString("Retry-After"), Instant.now()),
          null);
    }
    if (code != null && code.startsWith("enrollment.disconnected")) {
      return new ProviderAuthException(code, message);
    }
    if (status == 401 || status == 403) {
      return new ProviderAuthException(
          code != null ? code : status == 401 ? "unauthorized" : "forbidden", message);
    }
    if (status == 404) {
      return new NotFoundException(message);
    }
    return new IllegalStateException(message);
  }

  private static ErrorDetail error(Response response) {
    try {
      ErrorBody body = response.readEntity(ErrorBody.class);
      return body == null ? null : body.error();
    } catch (RuntimeException notJson) {
      return null;
    }
  }
}
