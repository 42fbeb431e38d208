package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.engine.consumers.Deliveries;
import dev.nightshift.engine.consumers.ScriptedConsumer;
import dev.nightshift.engine.consumers.TriggeringConsumer;
import dev.nightshift.engine.runtime.event.EventStore;
import dev.nightshift.engine.runtime.event.EventTooLargeException;
import dev.nightshift.engine.runtime.event.EventView;
import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EventsIntegrationTest {

  @Inject Events events;
  @Inject EventStore store;
  @Inject Engine engine;
  @Inject RunReads runs;
  @Inject DataSource dataSource;

  @Test
  void aPublishedEventReachesEveryConsumerAndIsMarkedDelivered() {
    var team = UUID.randomUUID();
    var id = events.publish("invoice.received", team, Map.of("amount", 42));

    var delivered = awaitDelivered(id);
    assertThat(Deliveries.of(TriggeringConsumer.NAME, id), equalTo(List.of("ack")));
    assertThat(Deliveries.of(ScriptedConsumer.NAME, id), equalTo(List.of("ack")));
    assertThat(delivered.name(), equalTo("invoice.received"));
    assertThat(delivered.teamId(), equalTo(team));
    assertThat(delivered.payload().get("amount").asInt(), equalTo(42));
    assertThat(delivered.source(), equalTo("application"));
    assertThat(delivered.attempts(), equalTo(1));
  }

  @Test
  void anEventPublishedInACommittedTransactionIsRelayedAfterTheCommit() {
    var id = new AtomicReference<UUID>();
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              id.set(events.publish("invoice.saved", null, Map.of()));
              // Not committed yet: no other connection, so no relay, can see it.
              var outside =
                  QuarkusTransaction.suspendingExisting().call(() -> store.find(id.get()));
              assertThat(outside.isPresent(), is(false));
            });

    awaitDelivered(id.get());
  }

  @Test
  void anEventPublishedInARolledBackTransactionIsNeverSeen() {
    var rolledBack = new AtomicReference<UUID>();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      rolledBack.set(events.publish("invoice.saved", null, Map.of()));
                      throw new IllegalStateException("the business write failed");
                    }));

    // An event published afterwards is delivered; the rolled-back one never existed to relay.
    awaitDelivered(events.publish("invoice.saved", null, Map.of()));
    assertThat(store.find(rolledBack.get()).isPresent(), is(false));
    assertThat(Deliveries.of(TriggeringConsumer.NAME, rolledBack.get()), hasSize(0));
    assertThat(Deliveries.of(ScriptedConsumer.NAME, rolledBack.get()), hasSize(0));
  }

  @Test
  void aNackedEventIsHandedOverAgainUntilEveryConsumerAcks() {
    var id = events.publish("invoice.flaky", null, Map.of("b", "nack-once"));

    var delivered = awaitDelivered(id);
    assertThat(Deliveries.of(ScriptedConsumer.NAME, id), equalTo(List.of("nack", "ack")));
    // Fan-out is at least once per consumer: "a" acked both hand-overs.
    assertThat(Deliveries.of(TriggeringConsumer.NAME, id), equalTo(List.of("ack", "ack")));
    assertThat(delivered.attempts(), equalTo(2));
    assertThat(delivered.lastError(), containsString("not now"));
  }

  @Test
  void anEventNobodyAnswersIsHandedOverAgainAfterTheAckTimeout() {
    var id = events.publish("invoice.ignored", null, Map.of("b", "silent-once"));

    var delivered = awaitDelivered(id);
    assertThat(Deliveries.of(ScriptedConsumer.NAME, id), equalTo(List.of("silent", "ack")));
    assertThat(delivered.attempts(), equalTo(2));
  }

  @Test
  void aConsumerTriggeringWithTheEventsIdempotencyKeyMakesOneRunForARedeliveredEvent() {
    var team = UUID.randomUUID();
    var id = events.publish("invoice.flaky", team, Map.of("trigger", true, "b", "nack-once"));

    awaitDelivered(id);
    assertThat(Deliveries.of(TriggeringConsumer.NAME, id), hasSize(2));
    var triggered =
        runs.list(new RunFilter(team, "echo", null, null, null, null, null, 10)).stream()
            .filter(r -> r.payload().get("message").asText().equals(id.toString()))
            .toList();
    assertThat(triggered, hasSize(1));
    assertThat(triggered.getFirst().idempotencyKey(), equalTo("event:" + id));
  }

  @Test
  void aCompletedRunPublishesRunCompleted() {
    var team = UUID.randomUUID();
    var run =
        engine.trigger(
            "echo", new EchoTask.Payload("done"), TriggerOptions.defaults().withTeam(team));

    var event = awaitRunEvent(team, "run.completed", run.id());
    assertThat(event.source(), equalTo("engine"));
    assertThat(event.payload().get("task").asText(), equalTo("echo"));
    assertThat(event.payload().get("status").asText(), equalTo("COMPLETED"));
    assertThat(event.payload().get("teamId").asText(), equalTo(team.toString()));
    assertThat(event.payload().get("output").get("echoed").asText(), equalTo("DONE"));
    awaitDelivered(event.id());
  }

  @Test
  void aRunThatFailsForGoodPublishesRunFailedWithAnErrorSummary() {
    var team = UUID.randomUUID();
    var run =
        engine.trigger(
            "flaky",
            new FlakyTask.Payload(1, "fatal", 0),
            TriggerOptions.defaults().withTeam(team));

    var event = awaitRunEvent(team, "run.failed", run.id());
    assertThat(event.payload().get("status").asText(), equalTo("FAILED"));
    assertThat(
        event.payload().get("error").get("type").asText(), containsString("NonRetryableException"));
    assertThat(event.payload().get("error").get("stackTrace"), nullValue());
    // Only the final failure is an event: retried attempts publish nothing.
    assertThat(store.list(team, null, null, 10), hasSize(1));
  }

  @Test
  void aRunWhoseWorkerWasLostOnItsLastAttemptPublishesRunFailed() throws Exception {
    var team = UUID.randomUUID();
    var run =
        engine.trigger(
            "echo",
            new EchoTask.Payload("orphan"),
            TriggerOptions.defaults().withTeam(team).withDelay(Duration.ofHours(1)));
    // Claimed by a node that died on the run's last attempt.
    try (var c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE engine.runs SET status = 'EXECUTING', attempt = max_attempts,"
                    + " lease_owner = 'dead-node', lease_expires_at = now() - interval '1 minute'"
                    + " WHERE id = ?")) {
      s.setObject(1, run.id());
      s.executeUpdate();
    }

    var event = awaitRunEvent(team, "run.failed", run.id());
    assertThat(event.payload().get("status").asText(), equalTo("FAILED"));
    assertThat(event.payload().get("error").get("type").asText(), equalTo("WorkerLost"));
  }

  @Test
  void namesAndPayloadsAreChecked() {
    for (var name :
        List.of("", "Invoice.Saved", "invoice..saved", "invoice saved", ".x", "a".repeat(129))) {
      assertThrows(InvalidEventException.class, () -> events.publish(name, null, Map.of()), name);
    }
    assertThrows(InvalidEventException.class, () -> events.publish(null, null, Map.of()));
    assertThrows(InvalidEventException.class, () -> events.publish("x.y", null, List.of(1, 2)));
    assertThrows(
        EventTooLargeException.class,
        () -> events.publish("x.y", null, Map.of("blob", "x".repeat(300 * 1024))));
    assertThat(events.publish("x.y_z-1.v2", null, null), notNullValue());
  }

  @Test
  void deliveredEventsPastRetentionArePruned() throws Exception {
    var old = events.publish("invoice.old", null, Map.of());
    var undelivered = events.publish("invoice.stuck", null, Map.of());
    awaitDelivered(old);
    try (var c = dataSource.getConnection();
        var age = c.createStatement()) {
      age.executeUpdate(
          "UPDATE engine.events SET delivered_at = now() - interval '31 days' WHERE id = '"
              + old
              + "'");
      // Undelivered events are kept however old they are.
      age.executeUpdate(
          "UPDATE engine.events SET delivered_at = NULL, created_at = now() - interval '31 days',"
              + " next_attempt_at = now() + interval '1 day' WHERE id = '"
              + undelivered
              + "'");
    }

    await().atMost(Duration.ofSeconds(20)).until(() -> store.find(old).isEmpty());
    assertThat(store.find(undelivered).isPresent(), is(true));
  }

  private EventView awaitDelivered(UUID id) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> store.find(id).orElse(null), e -> e != null && e.deliveredAt() != null);
  }

  private EventView awaitRunEvent(UUID team, String name, UUID run) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(
            () ->
                store.list(team, name, null, 10).stream()
                    .filter(e -> e.payload().get("runId").asText().equals(run.toString()))
                    .findFirst()
                    .orElse(null),
            e -> e != null);
  }
}
