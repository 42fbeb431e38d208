package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.engine.tasks.Probe;
import dev.nightshift.engine.tasks.SlowTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class LifecycleIntegrationTest {

  @Inject Engine engine;
  @Inject RunReads reads;
  @Inject AgroalDataSource dataSource;
  @Inject dev.nightshift.engine.runtime.store.RunMaintenance maintenance;

  @Test
  void cancellingAnExecutingRunReachesTheRunningCode() {
    String group = "cancel-" + UUID.randomUUID();
    var id =
        engine
            .trigger(
                "slow",
                new SlowTask.Payload(10_000, group),
                TriggerOptions.defaults().withConcurrencyKey(group))
            .id();
    RunAwait.until(reads, id, RunStatus.EXECUTING);

    assertThat(engine.cancel(id), is(true));

    org.awaitility.Awaitility.await()
        .atMost(Duration.ofSeconds(5))
        .until(() -> Probe.SAW_CANCEL.containsKey(id));
    assertThat(reads.find(id).orElseThrow().status(), equalTo(RunStatus.CANCELED));
    assertThat("a finished run cannot be canceled", engine.cancel(id), is(false));
  }

  @Test
  void anAttemptPastItsMaxDurationEndsTimedOut() {
    String group = "timeout-" + UUID.randomUUID();
    var id =
        engine
            .trigger(
                "slow",
                new SlowTask.Payload(30_000, group),
                TriggerOptions.defaults().withConcurrencyKey(group))
            .id();

    var run = RunAwait.until(reads, id, RunStatus.TIMED_OUT);
    assertThat(
        run.attempts().get(0).get("type").asText(),
        equalTo("java.util.concurrent.TimeoutException"));
  }

  @Test
  void aRunNotStartedWithinItsTtlExpires() {
    var id =
        engine
            .trigger(
                "echo",
                new EchoTask.Payload("late"),
                TriggerOptions.defaults()
                    .withDelay(Duration.ofSeconds(5))
                    .withTtl(Duration.ofMillis(300)))
            .id();

    RunAwait.until(reads, id, RunStatus.EXPIRED);
  }

  @Test
  void aRunWhoseWorkerStoppedHeartbeatingIsRescuedAndCompletes() throws Exception {
    var id =
        engine
            .trigger(
                "echo",
                new EchoTask.Payload("orphan"),
                TriggerOptions.defaults().withDelay(Duration.ofHours(1)))
            .id();
    // A worker that claimed it and died: executing, its lease long expired.
    try (var c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE engine.runs SET status = 'EXECUTING', attempt = 1, lease_owner = 'dead-node',"
                    + " lease_expires_at = now() - interval '1 minute', run_at = now() WHERE id = ?")) {
      s.setObject(1, id);
      s.executeUpdate();
    }

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.attempt(), equalTo(2));
    assertThat(run.attempts().get(0).get("type").asText(), equalTo("WorkerLost"));
  }

  @Test
  void finishedRunsPastRetentionArePrunedInBatchesAndUnfinishedOnesNever() throws Exception {
    var done = engine.trigger("echo", new EchoTask.Payload("old"), TriggerOptions.defaults()).id();
    RunAwait.until(reads, done, RunStatus.COMPLETED);
    var waiting =
        engine
            .trigger(
                "echo",
                new EchoTask.Payload("later"),
                TriggerOptions.defaults().withDelay(Duration.ofHours(1)))
            .id();
    try (var c = dataSource.getConnection();
        var s =
            c.prepareStatement(
                "UPDATE engine.runs SET finished_at = now() - interval '40 days' WHERE id = ?")) {
      s.setObject(1, done);
      s.executeUpdate();
    }

    int pruned = 0;
    for (int n; (n = maintenance.pruneFinishedRuns(Duration.ofDays(30), 1)) > 0; ) {
      assertThat("one batch never exceeds its bound", n, equalTo(1));
      pruned += n;
    }

    assertThat(pruned >= 1, is(true));
    assertThat(reads.find(done).isPresent(), is(false));
    assertThat(reads.find(waiting).isPresent(), is(true));
  }

  @Test
  void aFailedRunCanBeRetriedAndReplayedOverRest() {
    var id =
        engine
            .trigger("flaky", new FlakyTask.Payload(1, "fatal", 0), TriggerOptions.defaults())
            .id();
    RunAwait.until(reads, id, RunStatus.FAILED);

    admin()
        .post("/api/v1/runs/{id}/retry", id)
        .then()
        .statusCode(200)
        .body("status", equalTo("QUEUED"));
    var retried = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(retried.attempt(), equalTo(2));
    admin().post("/api/v1/runs/{id}/retry", id).then().statusCode(409);

    String replay =
        admin().post("/api/v1/runs/{id}/replay", id).then().statusCode(200).extract().path("id");
    // A new run with the same payload: it fails its first attempt again, as the original did.
    var replayed = RunAwait.until(reads, UUID.fromString(replay), RunStatus.FAILED);
    assertThat(replayed.id().equals(id), is(false));
    assertThat(replayed.payload(), equalTo(retried.payload()));
  }

  @Test
  void aTeamSeesOnlyItsOwnRuns() {
    String teamA = TestTeams.create();
    String keyA = TestTeams.issueKey(teamA);
    String keyB = TestTeams.issueKey(TestTeams.create());
    String runOfA =
        given()
            .header("Authorization", "Bearer " + keyA)
            .contentType("application/json")
            .body("{\"payload\": {\"message\": \"mine\"}}")
            .post("/api/v1/tasks/echo/trigger")
            .then()
            .statusCode(200)
            .extract()
            .path("id");

    given()
        .header("Authorization", "Bearer " + keyA)
        .get("/api/v1/runs/{id}", runOfA)
        .then()
        .statusCode(200)
        .body("teamId", equalTo(teamA));
    given()
        .header("Authorization", "Bearer " + keyB)
        .get("/api/v1/runs/{id}", runOfA)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + keyB)
        .post("/api/v1/runs/{id}/cancel", runOfA)
        .then()
        .statusCode(404);
    given()
        .header("Authorization", "Bearer " + keyB)
        .get("/api/v1/runs")
        .then()
        .statusCode(200)
        .body("data.findAll { it.id == '" + runOfA + "' }.size()", equalTo(0));
    given()
        .header("Authorization", "Bearer " + keyA)
        .queryParam("task", "echo")
        .get("/api/v1/runs")
        .then()
        .statusCode(200)
        .body("data.id", org.hamcrest.Matchers.hasItem(runOfA));
  }

  @Test
  void runListsPageWithACursorAndFilterByTag() {
    String tag = "page-" + UUID.randomUUID();
    for (int i = 0; i < 5; i++) {
      engine.trigger(
          "echo",
          new EchoTask.Payload("p" + i),
          TriggerOptions.defaults().withTags(java.util.List.of(tag)));
    }
    var first =
        admin()
            .queryParam("tag", tag)
            .queryParam("limit", 3)
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    var second =
        admin()
            .queryParam("tag", tag)
            .queryParam("limit", 3)
            .queryParam("cursor", first.getString("nextCursor"))
            .get("/api/v1/runs")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(first.getList("data").size(), equalTo(3));
    assertThat(second.getList("data").size(), equalTo(2));
    assertThat(second.getString("nextCursor"), equalTo(null));
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-key").contentType("application/json");
  }
}
