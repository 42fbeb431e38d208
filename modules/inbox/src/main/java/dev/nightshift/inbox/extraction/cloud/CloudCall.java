package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.inbox.extraction.ExtractorUnavailableException;
import dev.nightshift.platform.outbound.OutboundException;
import dev.nightshift.platform.outbound.OutboundHttp;
import dev.nightshift.platform.outbound.OutboundResponse;
import dev.nightshift.platform.outbound.RetryAfterHeader;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * One JSON POST to a cloud extractor's API, and what its outcome means for the document.
 *
 * <ul>
 *   <li>No answer (a timeout, a refused connection), a 5xx or a 429: {@link
 *       ExtractorUnavailableException}, so the run tries again later.
 *   <li>Any other status but 2xx (401, 403, 400, 404, 413): the service is misconfigured or will
 *       not take this document. Trying again would not help and an optional strategy must not fail
 *       the item, so the reason is logged and the answer is empty. So is an address the outbound
 *       guard refuses.
 *   <li>A 2xx whose body is cut off at the size limit or is not JSON: empty, with a warning.
 * </ul>
 */
final class CloudCall {

  private static final Logger LOG = Logger.getLogger(CloudCall.class);

  private CloudCall() {}

  /**
   * @param extractor names the strategy in messages
   * @return the answer's JSON, or empty when there is none worth reading (the reason is logged)
   * @throws ExtractorUnavailableException when the service should be asked again later
   */
  static Optional<JsonNode> post(
      OutboundHttp http,
      ObjectMapper json,
      String extractor,
      URI uri,
      Map<String, String> headers,
      JsonNode body,
      long maxResponseBytes,
      String document) {
    OutboundResponse response;
    try {
      response =
          http.post(
              uri,
              headers,
              json.writeValueAsBytes(body),
              (int) Math.min(maxResponseBytes, Integer.MAX_VALUE));
    } catch (OutboundException e) {
      if (e.kind() == OutboundException.Kind.BLOCKED_ADDRESS
          || e.kind() == OutboundException.Kind.INVALID_URL) {
        LOG.warnf("%s: %s not sent: %s", extractor, document, e.getMessage());
        return Optional.empty();
      }
      throw new ExtractorUnavailableException(extractor + ": " + e.getMessage(), e);
    } catch (IOException e) {
      throw new IllegalStateException("A JSON tree does not serialize", e);
    }
    return read(json, extractor, response, document);
  }

  private static Optional<JsonNode> read(
      ObjectMapper json, String extractor, OutboundResponse response, String document) {
    int status = response.status();
    if (status == 429 || status >= 500) {
      throw new ExtractorUnavailableException(
          extractor + ": HTTP " + status + errorMessage(json, response),
          RetryAfterHeader.parse(first(response.headers().get("Retry-After")), Instant.now()));
    }
    if (status < 200 || status >= 300) {
      LOG.warnf(
          "%s: %s left to the other strategies, HTTP %d%s",
          extractor, document, status, errorMessage(json, response));
      return Optional.empty();
    }
    if (response.truncated()) {
      LOG.warnf(
          "%s: the answer for %s exceeds %d bytes (max-response-size) and was not read",
          extractor, document, response.body().length);
      return Optional.empty();
    }
    try {
      return Optional.of(json.readTree(response.body()));
    } catch (IOException e) {
      LOG.warnf("%s: the answer for %s is not JSON: %s", extractor, document, e.getMessage());
      return Optional.empty();
    }
  }

  /** Google and OpenAI both explain an error in {@code error.message}. */
  private static String errorMessage(ObjectMapper json, OutboundResponse response) {
    try {
      JsonNode message = json.readTree(response.body()).path("error").path("message");
      return message.isTextual() ? ": " + message.asText() : "";
    } catch (IOException notJson) {
      return "";
    }
  }

  private static String first(List<String> values) {
    return values == null || values.isEmpty() ? null : values.getFirst();
  }
}
