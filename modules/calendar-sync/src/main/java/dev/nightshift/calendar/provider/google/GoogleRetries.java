package dev.nightshift.calendar.provider.google;

import io.smallrye.faulttolerance.api.Guard;
import java.time.temporal.ChronoUnit;

/**
 * The fault-tolerance policy of one kind of Google call, built from {@code
 * nightshift.calendar.google.retry.*} rather than annotations so that operators set it under the
 * module's own keys. Only {@link GoogleUnavailableException} is retried: a refused request, an
 * expired sync token or a revoked grant fail at once.
 */
final class GoogleRetries {

  private GoogleRetries() {}

  static Guard guard(String description, GoogleCalendarConfig.Retry retry) {
    return Guard.create()
        .withDescription(description)
        .withRetry()
        .maxRetries(retry.maxRetries())
        .delay(retry.initialDelay().toMillis(), ChronoUnit.MILLIS)
        .maxDuration(retry.maxDuration().toMillis(), ChronoUnit.MILLIS)
        // GoogleBackoff draws its own jitter; SmallRye's would add up to 200 ms on top.
        .jitter(0, ChronoUnit.MILLIS)
        .retryOn(GoogleUnavailableException.class)
        .withCustomBackoff()
        .strategy(() -> new GoogleBackoff(retry.maxDelay(), retry.maxRetryAfter()))
        .done()
        .done()
        .build();
  }
}
