package dev.nightshift.app;

import static java.util.stream.Collectors.groupingBy;
import static java.util.stream.Collectors.mapping;
import static java.util.stream.Collectors.toSet;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Webhook deliveries on the packaged application survive their node being killed: a node dies
 * (SIGKILL) while a delivery waits for the receiver's answer, a new node on the same database
 * delivers everything, and the receiver sees every event at least once, a repeated delivery under
 * the same {@code webhook-id}, and never two requests at once. Node logs stay in {@code
 * target/it-logs/WebhookDeliveryCrashIT/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebhookDeliveryCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EVENTS = 30;

  /** The request the receiver holds while the node is killed: five deliveries succeeded before. */
  private static final int HELD = 6;

  @RegisterExtension final FreshDatabase database = new FreshDatabase();

  @Test
  void aDeliveryInFlightWhenItsNodeIsKilledIsDeliveredAgainUnderTheSameId() throws Exception {
    var env = new HashMap<>(database.nodeEnv());
    // The lost run is rescued 3 s after the dead node's last heartbeat instead of 30 s.
    env.put("NIGHTSHIFT_WORKER_LEASE", "3s");
    env.put("NIGHTSHIFT_WORKER_HEARTBEAT", "1s");
    env.put("NIGHTSHIFT_RUNS_MAINTENANCE_INTERVAL", "500ms");
    env.put("NIGHTSHIFT_OUTBOUND_ALLOWED_NETWORKS", "127.0.0.1/32");
    var logs = Path.of("target", "it-logs", "WebhookDeliveryCrashIT");
    // 300 ms an answer, well under the 3 s lease: the receiver has answered whatever the dead
    // node sent long before the rescued attempt can arrive, so the one-at-a-time limit is
    // expected to hold across the crash too.
    try (var receiver = WebhookReceiver.start(Duration.ofMillis(300), HELD)) {
      var events = new HashSet<String>();
      WebhookReceiver.Received held;
      try (var first = Cluster.start(logs.resolve("first"), 1, env)) {
        var node = first.node(0);
        String team = created(node, "/api/v1/teams", Map.of("name", "Hooks", "slug", "hooks"));
        created(
            node,
            "/api/v1/webhook-subscriptions",
            Map.of("team", team, "url", receiver.url(), "events", List.of("*")));
        for (int n = 0; n < EVENTS; n++) {
          var event =
              Map.of("name", "transactions.created", "team", team, "payload", Map.of("n", n));
          var response = node.send("POST", "/api/v1/events", JSON.writeValueAsString(event));
          assertThat(response.body(), response.statusCode(), equalTo(202));
          events.add(JSON.readTree(response.body()).path("id").asText());
        }
        held = receiver.awaitHeld(Duration.ofSeconds(60));
        assertThat("the deliveries before the held one", succeeded(), equalTo((long) HELD - 1));
        node.kill();
        receiver.releaseHeld();
      }

      try (var second = Cluster.start(logs.resolve("second"), 1, env)) {
        await()
            .atMost(Duration.ofSeconds(90))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> succeeded() == EVENTS);
      }

      assertThat(
          database.runs().counts("SELECT status, count(*) FROM webhooks.deliveries GROUP BY 1"),
          equalTo(Map.of("succeeded", (long) EVENTS)));
      assertThat(
          "one delivery per event",
          Set.copyOf(
              database.runs().ids("SELECT event_id FROM webhooks.deliveries").stream()
                  .map(UUID::toString)
                  .toList()),
          equalTo(events));
      var received = receiver.received();
      var idsByEvent =
          received.stream()
              .collect(
                  groupingBy(
                      r -> eventId(r.body()),
                      mapping(WebhookReceiver.Received::webhookId, toSet())));
      assertThat("every event reached the receiver", idsByEvent.keySet(), equalTo(events));
      idsByEvent.forEach(
          (event, ids) -> assertThat("one webhook-id for event " + event, ids.size(), equalTo(1)));
      assertThat(
          "the held delivery came again after the restart, the same bytes under the same id",
          received.stream().filter(r -> r.equals(held)).count(),
          equalTo(2L));
      assertThat("every other delivery came once", received.size(), equalTo(EVENTS + 1));
      // The subscription's run on the dead node was rescued; the held delivery went out again
      // with that run or with the next one queued for the subscription, whichever came first.
      assertThat(
          "the engine recorded the lost attempt of the subscription's run",
          database
              .runs()
              .count(
                  "SELECT count(*) FROM engine.runs WHERE task_id = 'webhook-deliver'"
                      + " AND attempts @> '[{\"type\":\"WorkerLost\"}]'"),
          equalTo(1L));
      assertThat("never two requests at once", receiver.maxInFlight(), equalTo(1));
    }
  }

  private long succeeded() throws Exception {
    return database
        .runs()
        .count("SELECT count(*) FROM webhooks.deliveries WHERE status = 'succeeded'");
  }

  private static String created(AppProcess node, String path, Object body) throws Exception {
    var response = node.send("POST", path, JSON.writeValueAsString(body));
    assertThat(response.body(), response.statusCode(), equalTo(201));
    return JSON.readTree(response.body()).path("id").asText();
  }

  private static String eventId(String body) {
    try {
      return JSON.readTree(body).path("eventId").asText();
    } catch (Exception e) {
      throw new AssertionError("Not JSON: " + body, e);
    }
  }
}
