package dev.nightshift.webhooks.delivery;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint on loopback that records what it receives, byte for byte, answers the statuses
 * it is told to (then 200), and notes how many requests it ever held at once.
 */
final class Receiver implements AutoCloseable {

  record Received(String path, Map<String, List<String>> headers, byte[] body) {
    String header(String name) {
      return headers.entrySet().stream()
          .filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().getFirst())
          .findFirst()
          .orElse(null);
    }
  }

  private final HttpServer server;
  private final List<Received> received = new CopyOnWriteArrayList<>();
  private final Queue<Integer> statuses = new ConcurrentLinkedQueue<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger mostInFlight = new AtomicInteger();
  private volatile Duration delay = Duration.ZERO;
  private volatile String retryAfter;

  Receiver() throws IOException {
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
    server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
    server.createContext("/", this::handle);
    server.start();
  }

  String url(String path) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + path;
  }

  /** The next requests are answered with these statuses, in order; then 200 again. */
  Receiver answering(Integer... codes) {
    statuses.addAll(List.of(codes));
    return this;
  }

  /** Every answer other than 2xx carries this {@code Retry-After}. */
  Receiver askingToRetryAfter(String value) {
    retryAfter = value;
    return this;
  }

  Receiver slowedBy(Duration value) {
    delay = value;
    return this;
  }

  List<Received> received(String path) {
    return received.stream().filter(r -> r.path().equals(path)).toList();
  }

  int mostInFlight() {
    return mostInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    int now = inFlight.incrementAndGet();
    mostInFlight.accumulateAndGet(now, Math::max);
    try (exchange) {
      var body = exchange.getRequestBody().readAllBytes();
      received.add(
          new Received(
              exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()), body));
      if (!delay.isZero()) {
        Thread.sleep(delay);
      }
      Integer status = statuses.poll();
      var answer = ("{\"received\":true}").getBytes();
      exchange.getResponseHeaders().add("Content-Type", "application/json");
      exchange.getResponseHeaders().add("X-Receiver", "test");
      int code = status == null ? 200 : status;
      if (retryAfter != null && code >= 300) {
        exchange.getResponseHeaders().add("Retry-After", retryAfter);
      }
      exchange.sendResponseHeaders(code, answer.length);
      exchange.getResponseBody().write(answer);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } finally {
      inFlight.decrementAndGet();
    }
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
