package dev.nightshift.app;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook endpoint in the test's JVM: records every request's {@code webhook-id} and body, and
 * answers 200 after {@code delay}, so that a delivery is in flight most of the time. The {@code
 * holdAt}-th request is held unanswered until {@link #releaseHeld()}, so a test can kill the sender
 * while it waits for the answer. It counts the requests it holds at once.
 */
final class WebhookReceiver implements AutoCloseable {

  /** One request as it arrived. */
  record Received(String webhookId, String body) {}

  private final HttpServer server;
  private final ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor();
  private final Duration delay;
  private final int holdAt;
  private final CountDownLatch heldArrived = new CountDownLatch(1);
  private final CountDownLatch heldReleased = new CountDownLatch(1);
  private final List<Received> received = new ArrayList<>();
  private final AtomicInteger inFlight = new AtomicInteger();
  private final AtomicInteger maxInFlight = new AtomicInteger();

  private WebhookReceiver(Duration delay, int holdAt) throws IOException {
    this.delay = delay;
    this.holdAt = holdAt;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(executor);
    server.createContext("/hook", this::handle);
    server.start();
  }

  static WebhookReceiver start(Duration delay, int holdAt) throws IOException {
    return new WebhookReceiver(delay, holdAt);
  }

  String url() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
  }

  /** Waits until the request to hold has arrived, and returns it. */
  Received awaitHeld(Duration atMost) throws InterruptedException {
    if (!heldArrived.await(atMost.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("Request " + holdAt + " did not arrive; received " + received());
    }
    return received().get(holdAt - 1);
  }

  void releaseHeld() {
    heldReleased.countDown();
  }

  synchronized List<Received> received() {
    return List.copyOf(received);
  }

  /** The most requests that were waiting for their answer at the same time. */
  int maxInFlight() {
    return maxInFlight.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    maxInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    try (exchange) {
      var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      int index = record(new Received(exchange.getRequestHeaders().getFirst("webhook-id"), body));
      try {
        if (index == holdAt) {
          heldArrived.countDown();
          heldReleased.await();
        } else {
          Thread.sleep(delay);
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } finally {
        // Before the answer: the sender cannot start its next request until it has read it.
        inFlight.decrementAndGet();
      }
      // The sender of a held request is dead by now, so this write may fail: that is expected.
      exchange.sendResponseHeaders(200, -1);
    }
  }

  private synchronized int record(Received request) {
    received.add(request);
    return received.size();
  }

  @Override
  public void close() {
    releaseHeld();
    server.stop(0);
    executor.close();
  }
}
