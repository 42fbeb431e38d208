package dev.nightshift.calendar.provider.ics;

import dev.nightshift.engine.RetryLaterException;
import dev.nightshift.platform.outbound.OutboundException;
import dev.nightshift.platform.outbound.OutboundHttp;
import dev.nightshift.platform.outbound.OutboundResponse;
import dev.nightshift.platform.outbound.RetryAfterHeader;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;

/**
 * Fetches a feed through the platform's guarded outbound HTTP, conditionally when validators from
 * the last fetch are known. {@code webcal://} is fetched as {@code https://}. Redirects are
 * followed up to {@code max-redirects}, each hop through the guard. Messages name the host only.
 */
@ApplicationScoped
class FeedClient {

  /** A fetched feed, or {@code notModified} (a 304) with no body. */
  record Fetched(boolean notModified, byte[] body, Validators validators) {}

  private final OutboundHttp http;
  private final IcsConfig config;

  FeedClient(OutboundHttp http, IcsConfig config) {
    this.http = http;
    this.config = config;
  }

  /**
   * @throws InvalidFeedException a 4xx, a body over the size limit, a refused or invalid address
   * @throws FeedUnavailableException no answer, or a 5xx or 429 without a wait hint
   * @throws RetryLaterException a 429 or 503 with {@code Retry-After}
   */
  Fetched fetch(URI feed, Validators known) {
    URI uri = httpScheme(feed);
    for (int hop = 0; ; hop++) {
      OutboundResponse response = get(uri, known);
      int status = response.status();
      if (status == 304) {
        return new Fetched(true, new byte[0], known);
      }
      if (status >= 200 && status < 300) {
        return new Fetched(false, bodyOf(uri, response), validatorsOf(response));
      }
      String location = first(response, "Location");
      if (status >= 300 && status < 400 && location != null) {
        if (hop >= config.maxRedirects()) {
          throw new InvalidFeedException(
              "The feed at "
                  + uri.getHost()
                  + " redirects more than "
                  + config.maxRedirects()
                  + " times (nightshift.calendar.ics.max-redirects)");
        }
        uri = httpScheme(uri.resolve(location));
        continue;
      }
      throw failure(uri, response);
    }
  }

  private OutboundResponse get(URI uri, Validators known) {
    var headers = new LinkedHashMap<String, String>();
    headers.put("Accept", "text/calendar, */*;q=0.5");
    if (known.etag() != null) {
      headers.put("If-None-Match", known.etag());
    }
    if (known.lastModified() != null) {
      headers.put("If-Modified-Since", known.lastModified());
    }
    try {
      return http.get(uri, headers, maxBytes());
    } catch (OutboundException e) {
      if (e.kind() == OutboundException.Kind.BLOCKED_ADDRESS
          || e.kind() == OutboundException.Kind.INVALID_URL) {
        throw new InvalidFeedException("The feed cannot be fetched: " + e.getMessage(), e);
      }
      throw new FeedUnavailableException(e.getMessage(), e);
    }
  }

  private byte[] bodyOf(URI uri, OutboundResponse response) {
    if (response.truncated()) {
      throw new InvalidFeedException(
          "The feed at "
              + uri.getHost()
              + " is larger than "
              + maxBytes()
              + " bytes (nightshift.calendar.ics.max-feed-size)");
    }
    return response.body();
  }

  private static RuntimeException failure(URI uri, OutboundResponse response) {
    int status = response.status();
    String what = "The feed at " + uri.getHost() + " answered HTTP " + status;
    if (status == 429 || status >= 500) {
      Duration wait = RetryAfterHeader.parse(first(response, "Retry-After"), Instant.now());
      return wait != null
          ? new RetryLaterException(what, wait)
          : new FeedUnavailableException(what, null);
    }
    return new InvalidFeedException(what);
  }

  private int maxBytes() {
    return (int) Math.min(config.maxFeedSize().asLongValue(), Integer.MAX_VALUE);
  }

  private static Validators validatorsOf(OutboundResponse response) {
    return new Validators(first(response, "ETag"), first(response, "Last-Modified"));
  }

  private static String first(OutboundResponse response, String header) {
    List<String> values = response.headers().get(header);
    return values == null || values.isEmpty() ? null : values.getFirst();
  }

  /** webcal is the calendar apps' name for a feed over HTTP; servers speak https. */
  static URI httpScheme(URI uri) {
    String scheme = uri.getScheme();
    if (scheme != null && scheme.toLowerCase(Locale.ROOT).equals("webcal")) {
      return URI.create("https" + uri.toString().substring(scheme.length()));
    }
    return uri;
  }
}
