package dev.nightshift.platform.outbound;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.classic.methods.HttpPost;
import org.apache.hc.client5.http.classic.methods.HttpUriRequestBase;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.CloseableHttpResponse;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.io.CloseMode;

/**
 * HTTP calls to URLs that users typed in, such as webhook endpoints. Outbound HTTP never reaches a
 * loopback, private, link-local, multicast, cloud metadata, unspecified, broadcast or reserved
 * address unless {@code nightshift.outbound.allowed-networks} covers it ({@link AddressGuard}).
 *
 * <p>Guarantees: the host is resolved once per connection and every address it resolves to is
 * checked before any connection is made; the connection goes to a checked address, while TLS still
 * verifies the certificate against the host name. No redirect is followed. No call takes longer
 * than {@code nightshift.outbound.call-timeout}. No more of a response body is read than the caller
 * asks for. Nothing is retried.
 *
 * <p>Thread-safe; calls block, so run them on virtual threads. Connections are pooled per host and
 * port and closed at shutdown.
 */
@ApplicationScoped
public class OutboundHttp {

  /** Set by the client from the URL and the body; a caller's value would contradict them. */
  private static final Set<String> RESERVED_HEADERS =
      Set.of("host", "content-length", "transfer-encoding", "connection");

  private final OutboundConfig config;
  private final AddressGuard guard;
  private final CloseableHttpClient client;
  private final ScheduledThreadPoolExecutor deadlines;

  /** Public for plain unit tests in other modules; the application injects the bean. */
  @Inject
  public OutboundHttp(OutboundConfig config, AddressGuard guard) {
    this(config, guard, InetAddress::getAllByName);
  }

  OutboundHttp(OutboundConfig config, AddressGuard guard, GuardedDnsResolver.Lookup lookup) {
    this.config = config;
    this.guard = guard;
    this.client = PooledClient.build(config, new GuardedDnsResolver(guard, lookup));
    this.deadlines =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("nightshift-outbound-deadline").daemon().factory());
    // Almost every call finishes in time; its cancelled deadline must not wait in the queue.
    deadlines.setRemoveOnCancelPolicy(true);
  }

  /**
   * POSTs {@code body} to {@code uri}. Never throws for an HTTP status: a 4xx, 5xx or 3xx is a
   * response like any other.
   *
   * @param headers request headers, sent as given; {@code Host}, {@code Content-Length}, {@code
   *     Transfer-Encoding} and {@code Connection} are the client's own and refused here
   * @param body sent byte for byte, with a {@code Content-Length}
   * @param maxResponseBytes the most of the response body to read; past it the connection is closed
   *     without reading further and the response is {@code truncated}
   * @throws OutboundException when no response came; its kind says why
   */
  public OutboundResponse post(
      URI uri, Map<String, String> headers, byte[] body, int maxResponseBytes)
      throws OutboundException {
    guard.checkUrl(uri);
    var request = new HttpPost(uri);
    request.setEntity(new ByteArrayEntity(body, null));
    return execute(uri, request, headers, maxResponseBytes);
  }

  /**
   * GETs {@code uri}, with the same guarantees and the same handling of headers, status and body
   * limit as {@link #post}. A conditional GET is the caller's headers ({@code If-None-Match},
   * {@code If-Modified-Since}); its 304 is returned like any other status.
   *
   * @throws OutboundException when no response came; its kind says why
   */
  public OutboundResponse get(URI uri, Map<String, String> headers, int maxResponseBytes)
      throws OutboundException {
    guard.checkUrl(uri);
    return execute(uri, new HttpGet(uri), headers, maxResponseBytes);
  }

  private OutboundResponse execute(
      URI uri, HttpUriRequestBase request, Map<String, String> headers, int maxResponseBytes)
      throws OutboundException {
    if (maxResponseBytes < 0) {
      throw new IllegalArgumentException("maxResponseBytes must not be negative");
    }
    headers.forEach(
        (name, value) -> {
          if (RESERVED_HEADERS.contains(name.toLowerCase(Locale.ROOT))) {
            throw new IllegalArgumentException("The client sets " + name + " itself");
          }
          request.addHeader(name, value);
        });

    long start = System.nanoTime();
    var deadlinePassed = new AtomicBoolean();
    ScheduledFuture<?> deadline =
        deadlines.schedule(
            () -> {
              deadlinePassed.set(true);
              request.cancel();
            },
            config.callTimeout().toNanos(),
            TimeUnit.NANOSECONDS);
    try {
      return exchange(request, maxResponseBytes, start);
    } catch (IOException e) {
      throw OutboundFailures.of(e, uri.getHost(), deadlinePassed.get(), config);
    } finally {
      deadline.cancel(false);
    }
  }

  private OutboundResponse exchange(HttpUriRequestBase request, int maxResponseBytes, long start)
      throws IOException {
    CloseableHttpResponse response =
        CloseableHttpResponse.adapt(client.executeOpen(null, request, null));
    boolean complete = false;
    try {
      BoundedBody body = BoundedBody.read(response.getEntity(), maxResponseBytes);
      complete = !body.truncated();
      return new OutboundResponse(
          response.getCode(),
          headers(response),
          body.bytes(),
          body.truncated(),
          Duration.ofNanos(System.nanoTime() - start));
    } finally {
      if (complete) {
        // The body was read to its end: the connection goes back to the pool.
        response.close();
      } else {
        // Unread bytes remain (or reading failed): drop the connection rather than drain it.
        response.close(CloseMode.IMMEDIATE);
      }
    }
  }

  private static Map<String, List<String>> headers(ClassicHttpResponse response) {
    var headers = new TreeMap<String, List<String>>(String.CASE_INSENSITIVE_ORDER);
    for (Header header : response.getHeaders()) {
      headers.computeIfAbsent(header.getName(), name -> new ArrayList<>()).add(header.getValue());
    }
    headers.replaceAll((name, values) -> List.copyOf(values));
    return Collections.unmodifiableMap(headers);
  }

  /** Closes the pooled connections; the container calls it at shutdown, a plain test itself. */
  @PreDestroy
  public void close() {
    deadlines.shutdownNow();
    client.close(CloseMode.GRACEFUL);
  }
}
