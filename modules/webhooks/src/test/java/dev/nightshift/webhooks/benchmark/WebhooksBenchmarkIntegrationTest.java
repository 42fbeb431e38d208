package dev.nightshift.webhooks.benchmark;

import static org.awaitility.Awaitility.await;

import dev.nightshift.engine.Events;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.webhooks.subscription.Subscriptions;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServer;
import io.vertx.core.http.HttpServerRequest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Deliveries per second to a local receiver, and what a slow receiver does to the others, measured
 * in one application with the real engine, relay and HTTP client on a fresh database of the local
 * PostgreSQL server. Runs only when asked (docs/benchmarks.md#webhooks):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/webhooks -am -Dbenchmark=true \
 *     -Dtest=WebhooksBenchmarkIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.subscriptions} and {@code -Dbenchmark.events} change the sizes. The table goes
 * to stdout and to {@code target/webhooks-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(WebhooksBenchmarkIntegrationTest.Defaults.class)
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebhooksBenchmarkIntegrationTest {

  /** The shipped settings, not the tests' fast loops and short retries. */
  public static class Defaults implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.ofEntries(
          Map.entry("nightshift.worker.poll-interval", "1s"),
          Map.entry("nightshift.worker.lease", "30s"),
          Map.entry("nightshift.worker.heartbeat", "10s"),
          Map.entry("nightshift.runs.maintenance-interval", "5s"),
          Map.entry("nightshift.waits.poll-interval", "1s"),
          Map.entry("nightshift.events.poll-interval", "1s"),
          Map.entry(
              "nightshift.events.run-lifecycle", System.getProperty("benchmark.lifecycle", "true")),
          // Each subscription has a host of its own, as in life: 127.0.0.x.
          Map.entry("nightshift.outbound.allowed-networks", "127.0.0.0/8"),
          Map.entry(
              "nightshift.tasks.webhook-deliver.concurrency-limit",
              System.getProperty("benchmark.keylimit", "1")));
    }
  }

  private static final int SUBSCRIPTIONS = Integer.getInteger("benchmark.subscriptions", 50);
  private static final int EVENTS = Integer.getInteger("benchmark.events", 400);
  private static final Duration SLOW = Duration.ofSeconds(1);
  private static final List<String> REPORT = new ArrayList<>();

  @Inject DataSource dataSource;
  @Inject TeamStore teams;
  @Inject Subscriptions subscriptions;
  @Inject Events events;
  @Inject Vertx vertx;

  /** Not measured: brings the JIT and the pools up to speed, as a running service would be. */
  @Test
  @Order(0)
  void warmUp() throws Exception {
    try (var receiver = new LocalReceiver(Duration.ZERO)) {
      var team = team();
      for (int i = 0; i < 10; i++) {
        subscribe(team, receiver.url(i, "/warm-up/" + i));
      }
      publish(team, 300);
      awaitSucceeded(team, 3_000, Duration.ofMinutes(5));
    }
  }

  @Test
  @Order(1)
  void deliveriesPerSecondToALocalReceiver() throws Exception {
    try (var receiver = new LocalReceiver(Duration.ZERO)) {
      var team = team();
      for (int i = 0; i < SUBSCRIPTIONS; i++) {
        subscribe(team, receiver.url(i, "/fast/" + i));
      }
      publish(team, EVENTS);
      int expected = SUBSCRIPTIONS * EVENTS;
      awaitSucceeded(team, expected, Duration.ofMinutes(10));
      var figures = figures(team, "");
      REPORT.add(
          String.format(
              "| local receiver | %,d subscriptions × %,d events | %,d | %,.0f deliveries/s |"
                  + " %s | %s | %d |",
              SUBSCRIPTIONS,
              EVENTS,
              expected,
              figures.rate(),
              figures.latency(),
              figures.calls(),
              receiver.mostInFlight()));
    }
  }

  @Test
  @Order(2)
  void aSlowReceiverHoldsOnlyItsOwnDeliveries() throws Exception {
    try (var fast = new LocalReceiver(Duration.ZERO);
        var slow = new LocalReceiver(SLOW)) {
      var team = team();
      subscribe(team, slow.url(0, "/slow"));
      for (int i = 0; i < SUBSCRIPTIONS; i++) {
        subscribe(team, fast.url(i, "/fast/" + i));
      }
      publish(team, EVENTS);
      int fastDeliveries = SUBSCRIPTIONS * EVENTS;
      awaitSucceeded(team, fastDeliveries, Duration.ofMinutes(10));
      var fastFigures = figures(team, "/fast/");
      var slowFigures = figures(team, "/slow");
      REPORT.add(
          String.format(
              "| slow receiver (%d ms each) beside %d fast ones | its %,d deliveries | %,d done"
                  + " meanwhile | %,.1f deliveries/s | %s | %s | %d |",
              SLOW.toMillis(),
              SUBSCRIPTIONS,
              EVENTS,
              slowFigures.done(),
              slowFigures.rate(),
              slowFigures.latency(),
              slowFigures.calls(),
              slow.mostInFlight()));
      REPORT.add(
          String.format(
              "| the fast ones meanwhile | %,d subscriptions × %,d events | %,d |"
                  + " %,.0f deliveries/s | %s | %s | %d |",
              SUBSCRIPTIONS,
              EVENTS,
              fastDeliveries,
              fastFigures.rate(),
              fastFigures.latency(),
              fastFigures.calls(),
              fast.mostInFlight()));
    }
  }

  @AfterAll
  static void print() throws IOException {
    var table = new ArrayList<String>();
    table.add(
        "| scenario | workload | deliveries | throughput | event to delivered p50 / p99 |"
            + " POST p50 / p99 | most requests at once |");
    table.add("|---|---|---:|---:|---|---|---:|");
    table.addAll(REPORT);
    var text = String.join("\n", table) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("target/webhooks-benchmark.txt"), text);
  }

  private UUID team() {
    var slug = "bench-" + UUID.randomUUID().toString().substring(0, 8);
    return teams.create(new NewTeam(slug, slug)).id();
  }

  private void subscribe(UUID team, String url) {
    subscriptions.create(team, url, List.of("*"), null, null, true);
  }

  /** Events in batches of 100 per transaction, as a module that publishes in bulk would. */
  private void publish(UUID team, int count) {
    for (int start = 0; start < count; start += 100) {
      int from = start;
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                for (int i = from; i < Math.min(count, from + 100); i++) {
                  events.publish("transactions.created", team, Map.of("n", i));
                }
              });
    }
  }

  private void awaitSucceeded(UUID team, int expected, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofMillis(500))
        .until(() -> count(team, "status = 'succeeded'") >= expected);
  }

  /**
   * Throughput from the first event's publication to the last delivery's end, by the database's
   * clock; latency from an event's publication to its delivery's end.
   */
  private Figures figures(UUID team, String path) throws SQLException {
    var sql =
        """
        SELECT count(*) FILTER (WHERE d.status = 'succeeded'),
               extract(epoch FROM max(d.finished_at) - min(e.created_at)),
               percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - e.created_at)),
               percentile_cont(0.99) WITHIN GROUP (ORDER BY extract(epoch FROM d.finished_at - e.created_at)),
               (SELECT percentile_cont(0.5) WITHIN GROUP (ORDER BY a.duration_ms)
                FROM webhooks.delivery_attempts a JOIN webhooks.deliveries x ON x.id = a.delivery_id
                JOIN webhooks.subscriptions y ON y.id = x.subscription_id
                WHERE x.team_id = ? AND y.url LIKE ?),
               (SELECT percentile_cont(0.99) WITHIN GROUP (ORDER BY a.duration_ms)
                FROM webhooks.delivery_attempts a JOIN webhooks.deliveries x ON x.id = a.delivery_id
                JOIN webhooks.subscriptions y ON y.id = x.subscription_id
                WHERE x.team_id = ? AND y.url LIKE ?)
        FROM webhooks.deliveries d
        JOIN webhooks.subscriptions s ON s.id = d.subscription_id
        JOIN engine.events e ON e.id = d.event_id
        WHERE d.team_id = ? AND s.url LIKE ? AND d.status = 'succeeded'
        """;
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      for (int i = 0; i < 3; i++) {
        select.setObject(1 + 2 * i, team);
        select.setString(2 + 2 * i, "%" + path + "%");
      }
      try (var rs = select.executeQuery()) {
        rs.next();
        long done = rs.getLong(1);
        double seconds = rs.getDouble(2);
        return new Figures(
            done,
            done / seconds,
            rs.getDouble(3),
            rs.getDouble(4),
            rs.getDouble(5),
            rs.getDouble(6));
      }
    }
  }

  private long count(UUID team, String condition) throws SQLException {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT count(*) FROM webhooks.deliveries WHERE team_id = ? AND " + condition)) {
      select.setObject(1, team);
      try (var rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private record Figures(
      long done, double rate, double p50, double p99, double callP50, double callP99) {
    String latency() {
      return String.format("%.2f s / %.2f s", p50, p99);
    }

    String calls() {
      return String.format("%.0f ms / %.0f ms", callP50, callP99);
    }
  }

  /**
   * Answers 204 to every POST after {@code delay}, on Quarkus's own Vert.x event loops (the JDK's
   * {@code HttpServer} took 40% of the JVM's CPU here); counts the most requests held at once.
   */
  private final class LocalReceiver implements AutoCloseable {
    private final HttpServer server;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger most = new AtomicInteger();

    LocalReceiver(Duration delay) {
      server =
          vertx
              .createHttpServer()
              .requestHandler(
                  request -> {
                    most.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
                    request
                        .body()
                        .onComplete(
                            body -> {
                              if (delay.isZero()) {
                                answer(request);
                              } else {
                                vertx.setTimer(delay.toMillis(), timer -> answer(request));
                              }
                            });
                  })
              // On every address, so that 127.0.0.2 and up reach it as other hosts.
              .listen(0, "0.0.0.0")
              .toCompletionStage()
              .toCompletableFuture()
              .join();
    }

    private void answer(HttpServerRequest request) {
      inFlight.decrementAndGet();
      request.response().setStatusCode(204).end();
    }

    /** The receiver as the {@code n}th host of 127.0.0.0/8. */
    String url(int n, String path) {
      return "http://127.0.0." + (1 + n % 250) + ":" + server.actualPort() + path;
    }

    int mostInFlight() {
      return most.get();
    }

    @Override
    public void close() {
      server.close().toCompletionStage().toCompletableFuture().join();
    }
  }
}
