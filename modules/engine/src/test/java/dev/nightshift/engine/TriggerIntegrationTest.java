package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TriggerIntegrationTest {

  @Inject Engine engine;
  @Inject RunReads reads;
  @Inject AgroalDataSource dataSource;

  @Test
  void aTriggeredRunExecutesAndKeepsItsOutputAndProgress() {
    var result =
        engine.trigger(
            "echo",
            new EchoTask.Payload("hello"),
            TriggerOptions.defaults().withTags(java.util.List.of("greeting")));

    var run = RunAwait.until(reads, result.id(), RunStatus.COMPLETED);
    assertThat(run.output().get("echoed").asText(), equalTo("HELLO"));
    assertThat(run.attempt(), equalTo(1));
    assertThat(run.tags(), equalTo(java.util.List.of("greeting")));
    assertThat(run.progress().get("message").asText(), equalTo("echoed"));
  }

  @Test
  void theSameIdempotencyKeyReturnsTheSameRunAndSaysSo() {
    var options =
        TriggerOptions.defaults()
            .withIdempotencyKey("key-" + UUID.randomUUID(), Duration.ofHours(1));
    var first = engine.trigger("echo", new EchoTask.Payload("once"), options);
    var second = engine.trigger("echo", new EchoTask.Payload("twice"), options);

    assertThat(first.isCached(), is(false));
    assertThat(second.isCached(), is(true));
    assertThat(second.id(), equalTo(first.id()));
  }

  @Test
  void aTriggerThatWaitedForAConcurrentOneWithItsKeyGetsThatRun() throws Exception {
    String key = "race-" + UUID.randomUUID();
    try (var first = dataSource.getConnection();
        var pool = Executors.newSingleThreadExecutor()) {
      first.setAutoCommit(false);
      var firstId = triggerWithKey(first, key);
      var second =
          pool.submit(
              () -> {
                try (var c = dataSource.getConnection()) {
                  return triggerWithKey(c, key);
                }
              });
      // The second trigger's INSERT now waits on the first's uncommitted row.
      Awaitility.await()
          .atMost(Duration.ofSeconds(10))
          .until(
              () ->
                  count(
                          "SELECT count(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock'"
                              + " AND query LIKE 'SELECT id FROM engine.trigger_runs%'")
                      == 1);
      first.commit();

      assertThat(second.get(), equalTo(firstId));
    }
  }

  @Test
  void anExpiredIdempotencyKeyMakesANewRun() throws Exception {
    var options =
        TriggerOptions.defaults()
            .withIdempotencyKey("short-" + UUID.randomUUID(), Duration.ofMillis(1));
    var first = engine.trigger("echo", new EchoTask.Payload("a"), options);
    org.awaitility.Awaitility.await().pollDelay(Duration.ofMillis(5)).until(() -> true);
    var second = engine.trigger("echo", new EchoTask.Payload("b"), options);

    assertThat(second.isCached(), is(false));
    assertThat(second.id().equals(first.id()), is(false));
  }

  @Test
  void aTriggerInsideARolledBackTransactionLeavesNoRun() {
    var triggered = new AtomicReference<UUID>();
    assertThrows(
        IllegalStateException.class,
        () ->
            QuarkusTransaction.requiringNew()
                .run(
                    () -> {
                      triggered.set(
                          engine
                              .trigger(
                                  "echo", new EchoTask.Payload("never"), TriggerOptions.defaults())
                              .id());
                      throw new IllegalStateException("the caller's work failed");
                    }));

    assertThat(reads.find(triggered.get()).isPresent(), is(false));
  }

  @Test
  void aTriggerInsideACommittedTransactionRuns() {
    var id =
        QuarkusTransaction.requiringNew()
            .call(
                () ->
                    engine
                        .trigger(
                            "echo", new EchoTask.Payload("committed"), TriggerOptions.defaults())
                        .id());

    RunAwait.until(reads, id, RunStatus.COMPLETED);
  }

  @Test
  void aBatchTriggersEveryItemInOrderAndAllComplete() {
    var items =
        IntStream.range(0, 200)
            .mapToObj(i -> new BatchItem(new EchoTask.Payload("item " + i), null))
            .toList();

    var results = engine.batchTrigger("echo", items);

    assertThat(results, hasSize(200));
    assertThat(
        new HashSet<>(results.stream().map(TriggerResult::id).toList()).size(), equalTo(200));
    results.forEach(r -> RunAwait.until(reads, r.id(), RunStatus.COMPLETED));
    assertThat(
        reads.find(results.get(7).id()).orElseThrow().payload().get("message").asText(),
        equalTo("item 7"));
  }

  @Test
  void anUnknownTaskOrAnInvalidPayloadIsRefusedAndNothingIsStored() {
    assertThrows(
        UnknownTaskException.class,
        () -> engine.trigger("no-such-task", Map.of(), TriggerOptions.defaults()));
    assertThrows(
        InvalidPayloadException.class,
        () -> engine.trigger("echo", Map.of("message", ""), TriggerOptions.defaults()));
    assertThrows(
        InvalidPayloadException.class,
        () -> engine.trigger("echo", Map.of("wrong", "field"), TriggerOptions.defaults()));
  }

  @Test
  void restTriggerAnswersTheRunAndProblemDetailsForBadInput() {
    String id =
        given()
            .header("Authorization", "Bearer test-admin-key")
            .contentType("application/json")
            .body("{\"payload\": {\"message\": \"rest\"}, \"options\": {\"tags\": [\"api\"]}}")
            .post("/api/v1/tasks/echo/trigger")
            .then()
            .statusCode(200)
            .body("isCached", equalTo(false))
            .extract()
            .path("id");
    RunAwait.until(reads, UUID.fromString(id), RunStatus.COMPLETED);

    long before = countRuns();
    given()
        .header("Authorization", "Bearer test-admin-key")
        .contentType("application/json")
        .body("{\"payload\": {}}")
        .post("/api/v1/tasks/nope/trigger")
        .then()
        .statusCode(404)
        .body("type", equalTo("urn:nightshift:problem:unknown-task"));
    given()
        .header("Authorization", "Bearer test-admin-key")
        .contentType("application/json")
        .body("{\"payload\": {\"message\": 5}}")
        .post("/api/v1/tasks/echo/trigger")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:invalid-payload"));
    given()
        .header("Authorization", "Bearer test-admin-key")
        .contentType("application/json")
        .body(
            "{\"payload\": {\"failures\": 0, \"mode\": \""
                + "x".repeat(600 * 1024)
                + "\", \"retryAfterMillis\": 0}}")
        .post("/api/v1/tasks/flaky/trigger")
        .then()
        .statusCode(413);
    assertThat(countRuns(), equalTo(before));
  }

  @Test
  void anIdempotencyKeyNeverFindsAnotherTeamsRun() {
    String key = "shared-" + UUID.randomUUID();
    var teamA = TriggerOptions.defaults().withTeam(UUID.randomUUID()).withIdempotencyKey(key, null);
    var teamB = TriggerOptions.defaults().withTeam(UUID.randomUUID()).withIdempotencyKey(key, null);

    var first = engine.trigger("echo", new EchoTask.Payload("a"), teamA);
    var second = engine.trigger("echo", new EchoTask.Payload("b"), teamB);

    assertThat(second.isCached(), is(false));
    assertThat(second.id().equals(first.id()), is(false));
    assertThat(
        engine.trigger("echo", new EchoTask.Payload("a again"), teamA).id(), equalTo(first.id()));
  }

  @Test
  void anUnknownQueueOrAMalformedDurationIsRefused() {
    given()
        .header("Authorization", "Bearer test-admin-key")
        .contentType("application/json")
        .body("{\"payload\": {\"message\": \"x\"}, \"options\": {\"queue\": \"nowhere\"}}")
        .post("/api/v1/tasks/echo/trigger")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:unknown-queue"));
    given()
        .header("Authorization", "Bearer test-admin-key")
        .contentType("application/json")
        .body("{\"payload\": {\"message\": \"x\"}, \"options\": {\"ttl\": \"P1X\"}}")
        .post("/api/v1/tasks/echo/trigger")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:invalid-duration"));
  }

  private long countRuns() {
    return reads
        .list(
            new dev.nightshift.engine.runtime.store.RunFilter(
                null, null, null, null, null, null, null, 200))
        .size();
  }

  private long count(String sql) throws SQLException {
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql);
        var rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static UUID triggerWithKey(Connection c, String key) throws SQLException {
    String item =
        """
        [{"id": "%s", "task_id": "echo", "queue": "echo", "payload": {"message": "race"},
          "max_attempts": 1, "idempotency_key": "%s",
          "idempotency_expires_at": "2999-01-01T00:00:00Z"}]
        """
            .formatted(UUID.randomUUID(), key);
    try (var trigger = c.prepareStatement("SELECT id FROM engine.trigger_runs(?::jsonb)")) {
      trigger.setString(1, item);
      try (var rs = trigger.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    }
  }
}
