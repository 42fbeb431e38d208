package dev.nightshift.webhooks.delivery;

import dev.nightshift.platform.outbound.RetryAfterHeader;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One try at a delivery, as the endpoint answered it or as it failed before an answer: {@code
 * statusCode} is null when there was none, and {@code error} says why.
 */
public record Attempt(
    Instant attemptedAt,
    long durationMs,
    String url,
    Integer statusCode,
    Map<String, List<String>> responseHeaders,
    String responseBody,
    boolean responseTruncated,
    String error) {

  public boolean succeeded() {
    return statusCode != null && statusCode >= 200 && statusCode < 300;
  }

  public boolean gone() {
    return statusCode != null && statusCode == 410;
  }

  /**
   * The wait a 429 or 503 asked for with {@code Retry-After}, at most {@code cap}; null when it
   * asked for none.
   */
  Duration retryAfter(Duration cap) {
    if (statusCode == null || (statusCode != 429 && statusCode != 503) || responseHeaders == null) {
      return null;
    }
    return responseHeaders.entrySet().stream()
        .filter(header -> header.getKey().equalsIgnoreCase("Retry-After"))
        .flatMap(header -> header.getValue().stream())
        .map(value -> RetryAfterHeader.parse(value, attemptedAt))
        .filter(Objects::nonNull)
        .map(wait -> wait.compareTo(cap) > 0 ? cap : wait)
        .findFirst()
        .orElse(null);
  }

  /** What went wrong, in a line, for the delivery and its run. */
  String failure() {
    return statusCode == null ? error : "The endpoint answered " + statusCode;
  }
}
