package dev.nightshift.transactions.provider.plaid;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.plaid.PlaidApi.PlaidError;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Set;
import java.util.function.Supplier;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * Plaid's errors as the provider interface's exceptions. Plaid says to branch on {@code error_type}
 * and {@code error_code} rather than on the HTTP status, which only separates its faults (5xx) from
 * ours and the user's (4xx).
 */
final class PlaidErrors {

  /** Codes after which only the user, through Link's update mode, can restore access. */
  static final Set<String> RECONNECT =
      Set.of(
          "ITEM_LOGIN_REQUIRED",
          "ITEM_LOCKED",
          "ACCESS_NOT_GRANTED",
          "ITEM_CONCURRENTLY_DELETED",
          "ITEM_NOT_FOUND",
          "INVALID_ACCESS_TOKEN",
          "PASSWORD_RESET_REQUIRED",
          "USER_SETUP_REQUIRED",
          "NO_ACCOUNTS");

  /** Codes saying the Item no longer exists at Plaid: revoking it again is done. */
  static final Set<String> GONE =
      Set.of("ITEM_NOT_FOUND", "INVALID_ACCESS_TOKEN", "ITEM_CONCURRENTLY_DELETED");

  /** Error types that pass: Plaid's own faults, the bank's, and rate limits. */
  private static final Set<String> TRANSIENT_TYPES =
      Set.of("API_ERROR", "INSTITUTION_ERROR", "RATE_LIMIT_EXCEEDED");

  private static final ObjectMapper JSON =
      new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private PlaidErrors() {}

  /**
   * The exception for an error response.
   *
   * @param retryAfter the {@code Retry-After} header or null
   * @param body the response body, Plaid's error object unless a proxy answered
   */
  static RuntimeException toException(int status, String retryAfter, String body) {
    PlaidError error = parse(body);
    // Set.of(...).contains(null) throws: a body without Plaid's fields has empty ones.
    String type = error == null || error.errorType() == null ? "" : error.errorType();
    String code = error == null || error.errorCode() == null ? "" : error.errorCode();
    String message = describe(status, error);
    if (status == 429 || status >= 500 || TRANSIENT_TYPES.contains(type)) {
      return new ProviderUnavailableException(message, retryAfter(retryAfter, Instant.now()), null);
    }
    if ("PRODUCT_NOT_READY".equals(code)) {
      // The first pull of an Item's history is still running at Plaid.
      return new ProviderUnavailableException(message, null, null);
    }
    if (RECONNECT.contains(code)) {
      return new ProviderAuthException(code, message);
    }
    if ("INVALID_INPUT".equals(type) && !"INVALID_API_KEYS".equals(code)) {
      // Something the caller sent, such as an expired public token.
      return new IllegalArgumentException(message);
    }
    // Our own mistakes (INVALID_API_KEYS, INVALID_REQUEST) and the rest, such as
    // TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION, which only paging again from the first
    // cursor cures: retrying this call would fail the same way.
    return new IllegalStateException(message);
  }

  /** Whether an Item's error means the user must reconnect. */
  static boolean requiresReconnect(PlaidError error) {
    return error != null && error.errorCode() != null && RECONNECT.contains(error.errorCode());
  }

  /**
   * Runs a call of {@link PlaidClient}, turning what its fault tolerance throws once it gives up
   * (an open circuit, a timeout) into {@link ProviderUnavailableException}.
   */
  static <T> T surfaced(Supplier<T> call) {
    try {
      return call.get();
    } catch (CircuitBreakerOpenException e) {
      throw new ProviderUnavailableException(
          "Plaid failed too often lately; not calling it for now", PlaidClient.CIRCUIT_DELAY, e);
    } catch (TimeoutException e) {
      throw new ProviderUnavailableException("Plaid did not answer in time", null, e);
    }
  }

  /** A {@code Retry-After} value, delta-seconds or an HTTP date, as a delay; null if absent. */
  static Duration retryAfter(String header, Instant now) {
    if (header == null || header.isBlank()) {
      return null;
    }
    try {
      return Duration.ofSeconds(Math.max(0, Long.parseLong(header.trim())));
    } catch (NumberFormatException notSeconds) {
      try {
        Instant at =
            ZonedDateTime.parse(header.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        return at.isAfter(now) ? Duration.between(now, at) : Duration.ZERO;
      } catch (DateTimeParseException notADate) {
        return null;
      }
    }
  }

  private static PlaidError parse(String body) {
    if (body == null || body.isBlank()) {
      return null;
    }
    try {
      return JSON.readValue(body, PlaidError.class);
    } catch (JsonProcessingException notPlaids) {
      return null;
    }
  }

  private static String describe(int status, PlaidError error) {
    if (error == null || error.errorCode() == null) {
      return "Plaid answered HTTP " + status;
    }
    return "Plaid "
        + error.errorType()
        + " "
        + error.errorCode()
        + ": "
        + error.errorMessage()
        + " (HTTP "
        + status
        + ", request "
        + error.requestId()
        + ")";
  }
}
