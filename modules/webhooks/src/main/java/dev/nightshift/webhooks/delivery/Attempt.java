package dev.nightshift.webhooks.delivery;

import java.time.Instant;
import java.util.List;
import java.util.Map;

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

  /** What went wrong, in a line, for the delivery and its run. */
  String failure() {
    return statusCode == null ? error : "The endpoint answered " + statusCode;
  }
}
