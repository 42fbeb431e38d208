package dev.nightshift.calendar.web;

import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.ProviderNotConfiguredException;
import dev.nightshift.calendar.provider.ProviderUnavailableException;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.RetryLaterException;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.core.Response;
import java.util.Optional;

/**
 * What a request that needed the provider's answer at once (connecting reads the calendars) tells
 * the client when the provider fails: its refusal is the client's to fix (422), its absence or this
 * installation's missing settings are not (503).
 */
final class ProviderFailures {

  private ProviderFailures() {}

  /** The problem for {@code failure}, or empty when it is not the provider's. */
  static Optional<ProblemException> of(RuntimeException failure) {
    return Optional.ofNullable(
        switch (failure) {
          case ConnectionRevokedException revoked ->
              ProblemException.unprocessable(
                  "credentials-refused",
                  "The provider refused the credentials: " + revoked.getMessage());
          case ProviderNotConfiguredException missing ->
              new ProblemException(
                  Problem.of(
                      Response.Status.SERVICE_UNAVAILABLE,
                      "provider-not-configured",
                      missing.getMessage()));
          case NonRetryableException refused ->
              ProblemException.unprocessable(
                  "connection-refused", "The calendar could not be read: " + refused.getMessage());
          case ProviderUnavailableException unavailable -> unavailable(unavailable.getMessage());
          case RetryLaterException later -> unavailable(later.getMessage());
          default -> null;
        });
  }

  private static ProblemException unavailable(String detail) {
    return new ProblemException(
        Problem.of(
            Response.Status.SERVICE_UNAVAILABLE,
            "provider-unavailable",
            "The provider did not answer; try again later: " + detail));
  }
}
