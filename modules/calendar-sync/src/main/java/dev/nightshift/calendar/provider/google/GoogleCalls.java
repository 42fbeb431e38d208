package dev.nightshift.calendar.provider.google;

import com.fasterxml.jackson.core.JacksonException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import jakarta.ws.rs.ProcessingException;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** What the Google clients share: how a REST client is built, and what one attempt may throw. */
final class GoogleCalls {

  private GoogleCalls() {}

  static <T> T build(Class<T> api, URI baseUri, GoogleCalendarConfig config, Object errors) {
    long timeout = config.timeout().toMillis();
    return QuarkusRestClientBuilder.newBuilder()
        .baseUri(baseUri)
        .connectTimeout(timeout, TimeUnit.MILLISECONDS)
        .readTimeout(timeout, TimeUnit.MILLISECONDS)
        // Google answers errors itself; a redirect would be a misconfigured URL.
        .followRedirects(false)
        .register(errors)
        .build(api);
  }

  /** One attempt: no answer at all is as transient as a 503, JSON we cannot read is not. */
  static <T> T attempt(String what, Supplier<T> request) {
    try {
      return request.get();
    } catch (ProcessingException failed) {
      if (failed.getCause() instanceof JacksonException unreadable) {
        throw new IllegalStateException(
            what + " answered JSON that Nightshift cannot read: " + unreadable.getOriginalMessage(),
            failed);
      }
      throw new GoogleUnavailableException(
          what + " did not answer: " + failed.getMessage(), null, failed);
    }
  }
}
