package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.platform.problem.ProblemException;
import io.quarkus.runtime.configuration.DurationConverter;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * The time a metrics request looks back over: a duration like the trigger options' ({@code 30m},
 * {@code 24h}, {@code 7d}, {@code PT12H}), from one minute to 30 days, the default retention.
 */
public record MetricsWindow(String text, Duration duration) {

  public static final String DEFAULT = "24h";
  static final Duration MIN = Duration.ofMinutes(1);
  static final Duration MAX = Duration.ofDays(30);

  // A unit is required: DurationConverter would read a bare number as seconds.
  private static final Pattern FORMAT = Pattern.compile("\\d{1,9}(ms|s|m|h|d)|P.{1,40}");

  /** Reads {@code ?window=}; anything else than a duration within the bounds is a 400. */
  public static MetricsWindow parse(String text) {
    if (text == null || text.isEmpty()) {
      text = DEFAULT;
    }
    Duration duration = null;
    if (FORMAT.matcher(text).matches()) {
      try {
        duration = DurationConverter.parseDuration(text);
      } catch (IllegalArgumentException e) {
        // Reported below, like any other value outside the bounds.
      }
    }
    if (duration == null || duration.compareTo(MIN) < 0 || duration.compareTo(MAX) > 0) {
      throw ProblemException.badRequest(
          "invalid-parameter", "window must be a duration from 1m to 30d, such as 1h, 24h or 7d.");
    }
    return new MetricsWindow(text, duration);
  }
}
