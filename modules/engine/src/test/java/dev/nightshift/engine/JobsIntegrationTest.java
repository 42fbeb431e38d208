package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * {@code /api/v1/jobs/status} and {@code /metrics}. Runs with known times are inserted as rows for
 * a team of their own, so the figures are exact whatever else runs in the database.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class JobsIntegrationTest {

  private static final String ERROR =
      "[{\"attempt\": 1, \"type\": \"java.lang.IllegalStateException\", \"message\": \"boom\"}]";

  @Inject Engine engine;
  @Inject RunReads reads;
  @Inject AgroalDataSource dataSource;

  private final List<UUID> teams = new ArrayList<>();

  @AfterEach
  void deleteRuns() throws SQLException {
    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement("DELETE FROM engine.runs WHERE team_id = ANY (?)")) {
      delete.setArray(1, c.createArrayOf("uuid", teams.toArray()));
      delete.executeUpdate();
    }
  }

  @Test
  void statusTellsIdleRunningAndFailingTasksAndListsTasksThatNeverRan() throws SQLException {
    var team = team();
    var now = Instant.now();
    var done = insert("echo", "COMPLETED", team, now.minusSeconds(10), now.minusSeconds(8), "[]");
    insert("flaky", "COMPLETED", team, now.minusSeconds(60), now.minusSeconds(50), "[]");
    var failed = insert("flaky", "FAILED", team, now.minusSeconds(30), now.minusSeconds(27), ERROR);
    var executing = insertExecuting("slow", team, now.minusSeconds(5));
    var due = now.plus(Duration.ofHours(1)).truncatedTo(ChronoUnit.MILLIS);
    insertQueued("slow", team, due);

    var status = admin().queryParam("team", team).get("/api/v1/jobs/status").then();

    status
        .statusCode(200)
        .body("tasks.task", hasItems("echo", "flaky", "slow", "steps"))
        .body(task("echo") + ".status", equalTo("IDLE"))
        .body(task("echo") + ".queue", equalTo("echo"))
        .body(task("echo") + ".lastRun.id", equalTo(done.toString()))
        .body(task("echo") + ".lastRun.status", equalTo("COMPLETED"))
        .body(task("echo") + ".lastDurationMs", equalTo(2000))
        .body(task("echo") + ".lastError", nullValue())
        .body(task("flaky") + ".status", equalTo("FAILING"))
        .body(task("flaky") + ".lastRun.id", equalTo(failed.toString()))
        .body(task("flaky") + ".lastDurationMs", equalTo(3000))
        .body(task("flaky") + ".lastError.runId", equalTo(failed.toString()))
        .body(task("flaky") + ".lastError.type", equalTo("java.lang.IllegalStateException"))
        .body(task("flaky") + ".lastError.message", equalTo("boom"))
        .body(task("slow") + ".status", equalTo("RUNNING"))
        .body(task("slow") + ".executing", equalTo(1))
        .body(task("slow") + ".queued", equalTo(1))
        .body(task("slow") + ".lastRun.id", equalTo(executing.toString()))
        .body(task("slow") + ".lastRun.status", equalTo("EXECUTING"))
        .body(task("slow") + ".lastRun.finishedAt", nullValue())
        .body(task("slow") + ".nextRunAt", equalTo(due.toString()))
        .body(task("steps") + ".status", equalTo("IDLE"))
        .body(task("steps") + ".lastRun", nullValue())
        .body(task("steps") + ".nextRunAt", nullValue())
        .body(task("steps") + ".lastDurationMs", nullValue())
        .body(task("steps") + ".queued", equalTo(0));

    // A later success ends FAILING; the last error stays for reference.
    insert("flaky", "COMPLETED", team, now.minusSeconds(20), now.minusSeconds(19), "[]");
    admin()
        .queryParam("team", team)
        .get("/api/v1/jobs/status")
        .then()
        .statusCode(200)
        .body(task("flaky") + ".status", equalTo("IDLE"))
        .body(task("flaky") + ".lastError.runId", equalTo(failed.toString()));
  }

  @Test
  void statusListsTheTeamsSchedulesWithTheirLastAndNextRun() {
    String teamA = TestTeams.create();
    String keyA = TestTeams.issueKey(teamA);
    String keyB = TestTeams.issueKey(TestTeams.create());
    teams.add(UUID.fromString(teamA));
    String schedule =
        as(keyA)
            .contentType("application/json")
            .body(
                "{\"task\": \"echo\", \"interval\": \"1h\", \"externalId\": \"status-test\","
                    + " \"payload\": {\"message\": \"scheduled\"}}")
            .post("/api/v1/schedules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String run =
        as(keyA)
            .post("/api/v1/schedules/" + schedule + "/trigger")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    RunAwait.until(reads, UUID.fromString(run), RunStatus.COMPLETED);

    String entry = "schedules.find { it.id == '" + schedule + "' }";
    as(keyA)
        .get("/api/v1/jobs/status")
        .then()
        .statusCode(200)
        .body(entry + ".task", equalTo("echo"))
        .body(entry + ".externalId", equalTo("status-test"))
        .body(entry + ".status", equalTo("IDLE"))
        .body(entry + ".lastRun.id", equalTo(run))
        .body(entry + ".lastRun.status", equalTo("COMPLETED"))
        .body(entry + ".lastDurationMs", notNullValue())
        .body(entry + ".nextRun", notNullValue());
    as(keyB).get("/api/v1/jobs/status").then().statusCode(200).body(entry, nullValue());

    as(keyA).post("/api/v1/schedules/" + schedule + "/deactivate").then().statusCode(200);
    as(keyA)
        .get("/api/v1/jobs/status")
        .then()
        .body(entry + ".status", equalTo("PAUSED"))
        .body(entry + ".nextRun", nullValue());
    as(keyA).delete("/api/v1/schedules/" + schedule).then().statusCode(204);
  }

  @Test
  void aTeamSeesOnlyItsOwnRunsAndTheAdminMayPickATeam() throws SQLException {
    String teamA = TestTeams.create();
    String keyA = TestTeams.issueKey(teamA);
    String teamB = TestTeams.create();
    String keyB = TestTeams.issueKey(teamB);
    teams.add(UUID.fromString(teamA));
    teams.add(UUID.fromString(teamB));
    String runOfA =
        as(keyA)
            .contentType("application/json")
            .body("{\"payload\": {\"message\": \"mine\"}}")
            .post("/api/v1/tasks/echo/trigger")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    RunAwait.until(reads, UUID.fromString(runOfA), RunStatus.COMPLETED);
    var now = Instant.now();
    insert("flaky", "FAILED", UUID.fromString(teamB), now.minusSeconds(3), now, ERROR);

    as(keyA)
        .get("/api/v1/jobs/status")
        .then()
        .statusCode(200)
        .body(task("echo") + ".lastRun.id", equalTo(runOfA))
        .body(task("flaky") + ".status", equalTo("IDLE"))
        .body(task("flaky") + ".lastError", nullValue());
    as(keyB)
        .get("/api/v1/jobs/status")
        .then()
        .statusCode(200)
        .body(task("echo") + ".lastRun", nullValue())
        .body(task("flaky") + ".status", equalTo("FAILING"));
    as(keyA)
        .get("/api/v1/jobs/metrics")
        .then()
        .statusCode(200)
        .body(task("echo") + ".executions", equalTo(1))
        .body(task("flaky") + ".executions", equalTo(0))
        .body("totals.executions", equalTo(1));
    as(keyB)
        .get("/api/v1/jobs/metrics")
        .then()
        .statusCode(200)
        .body(task("echo") + ".executions", equalTo(0))
        .body(task("flaky") + ".failures", equalTo(1))
        .body("totals.failures", equalTo(1));

    // Naming another team is answered as if it did not exist; naming one's own is allowed.
    as(keyA).queryParam("team", teamB).get("/api/v1/jobs/status").then().statusCode(404);
    as(keyA).queryParam("team", teamB).get("/api/v1/jobs/metrics").then().statusCode(404);
    as(keyA).queryParam("team", teamA).get("/api/v1/jobs/status").then().statusCode(200);
    admin()
        .queryParam("team", teamA)
        .get("/api/v1/jobs/status")
        .then()
        .statusCode(200)
        .body(task("echo") + ".lastRun.id", equalTo(runOfA));
  }

  @Test
  void metricsCountAndTimeTheRunsThatEndedInTheWindow() throws SQLException {
    var team = team();
    var now = Instant.now();
    // echo: 100 successes lasting 1 s to 100 s; avg 50.5 s, p95 = 95 + 0.05 * (96 - 95) s.
    for (int seconds = 1; seconds <= 100; seconds++) {
      var finished = now.minusSeconds(60);
      insert("echo", "COMPLETED", team, finished.minusSeconds(seconds), finished, "[]");
    }
    // flaky: 10 s, 20 s failed, 30 s timed out, 40 s completed; p95 = 30 + 0.85 * 10 s.
    insert("flaky", "FAILED", team, now.minusSeconds(100), now.minusSeconds(90), ERROR);
    insert("flaky", "FAILED", team, now.minusSeconds(100), now.minusSeconds(80), ERROR);
    insert("flaky", "TIMED_OUT", team, now.minusSeconds(100), now.minusSeconds(70), ERROR);
    insert("flaky", "COMPLETED", team, now.minusSeconds(100), now.minusSeconds(60), "[]");
    // Outside an hour's window, or not an outcome of the task: never counted in it.
    insert("echo", "COMPLETED", team, now.minusSeconds(7300), now.minusSeconds(7200), "[]");
    insert("echo", "CANCELED", team, now.minusSeconds(100), now.minusSeconds(10), "[]");
    insert("echo", "EXPIRED", team, null, now.minusSeconds(10), "[]");

    admin()
        .queryParam("team", team)
        .queryParam("window", "1h")
        .get("/api/v1/jobs/metrics")
        .then()
        .statusCode(200)
        .body("window", equalTo("1h"))
        .body(task("echo") + ".executions", equalTo(100))
        .body(task("echo") + ".successes", equalTo(100))
        .body(task("echo") + ".failures", equalTo(0))
        .body(task("echo") + ".averageDurationMs", equalTo(50_500))
        .body(task("echo") + ".p95DurationMs", equalTo(95_050))
        .body(task("flaky") + ".executions", equalTo(4))
        .body(task("flaky") + ".successes", equalTo(1))
        .body(task("flaky") + ".failures", equalTo(3))
        .body(task("flaky") + ".averageDurationMs", equalTo(25_000))
        .body(task("flaky") + ".p95DurationMs", equalTo(38_500))
        .body(task("steps") + ".executions", equalTo(0))
        .body(task("steps") + ".averageDurationMs", nullValue())
        .body(task("steps") + ".p95DurationMs", nullValue())
        // All 104: avg 5150 s / 104; sorted, the 98th and 99th durations are 94 s and 95 s.
        .body("totals.executions", equalTo(104))
        .body("totals.successes", equalTo(101))
        .body("totals.failures", equalTo(3))
        .body("totals.averageDurationMs", equalTo(49_519))
        .body("totals.p95DurationMs", equalTo(94_850));
    admin()
        .queryParam("team", team)
        .get("/api/v1/jobs/metrics")
        .then()
        .statusCode(200)
        .body("window", equalTo("24h"))
        .body(task("echo") + ".executions", equalTo(101));
  }

  @Test
  void aWindowThatIsNotADurationFromAMinuteToThirtyDaysIsRefused() {
    for (String window : List.of("abc", "5", "30s", "0m", "31d", "P1X", "-1h", "1.5h")) {
      admin()
          .queryParam("window", window)
          .get("/api/v1/jobs/metrics")
          .then()
          .statusCode(400)
          .body("type", equalTo("urn:nightshift:problem:invalid-parameter"))
          .body("detail", containsString("1m to 30d"));
    }
    for (String window : List.of("1m", "90m", "PT12H", "7d", "30d")) {
      admin()
          .queryParam("window", window)
          .get("/api/v1/jobs/metrics")
          .then()
          .statusCode(200)
          .body("window", equalTo(window));
    }
    admin().get("/api/v1/jobs/status").then().statusCode(200);
    given().get("/api/v1/jobs/status").then().statusCode(401);
  }

  @Test
  void executionsSuccessesFailuresAndTheRunDurationAreMicrometerMetersToo() {
    var ok = engine.trigger("echo", new EchoTask.Payload("meter me"), TriggerOptions.defaults());
    var bad =
        engine.trigger("flaky", new FlakyTask.Payload(1, "fatal", 0), TriggerOptions.defaults());
    RunAwait.until(reads, ok.id(), RunStatus.COMPLETED);
    RunAwait.until(reads, bad.id(), RunStatus.FAILED);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .accept("text/plain")
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("nightshift_runs_succeeded_total{task=\"echo\""))
                    .body(containsString("nightshift_runs_failed_total{task=\"flaky\""))
                    .body(
                        containsString(
                            "nightshift_runs_execution_duration_seconds_count{task=\"echo\""))
                    .body(
                        containsString(
                            "nightshift_runs_execution_duration_seconds_count{task=\"flaky\""))
                    .body(
                        containsString(
                            "nightshift_runs_execution_duration_seconds_bucket{task=\"echo\""))
                    .body(
                        containsString(
                            "nightshift_runs_execution_duration_seconds{task=\"echo\",quantile=\"0.95\""))
                    .body(containsString("nightshift_runs_executing{task=\"echo\"")));
  }

  private UUID team() {
    var team = UUID.randomUUID();
    teams.add(team);
    return team;
  }

  private static String task(String id) {
    return "tasks.find { it.task == '" + id + "' }";
  }

  private UUID insert(
      String task, String status, UUID team, Instant started, Instant finished, String attempts)
      throws SQLException {
    return insertRow(
        task, status, team, finished, started, finished, attempts, null, null, started == null);
  }

  private UUID insertExecuting(String task, UUID team, Instant started) throws SQLException {
    // A worker that is not there, holding a lease that outlives the test.
    return insertRow(
        task,
        "EXECUTING",
        team,
        started,
        started,
        null,
        "[]",
        "jobs-test",
        Instant.now().plus(Duration.ofHours(1)),
        false);
  }

  private UUID insertQueued(String task, UUID team, Instant runAt) throws SQLException {
    return insertRow(task, "QUEUED", team, runAt, null, null, "[]", null, null, true);
  }

  private UUID insertRow(
      String task,
      String status,
      UUID team,
      Instant runAt,
      Instant started,
      Instant finished,
      String attempts,
      String leaseOwner,
      Instant leaseExpires,
      boolean neverStarted)
      throws SQLException {
    var id = UUID.randomUUID();
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                """
                INSERT INTO engine.runs (id, task_id, queue, status, team_id, payload, attempts,
                    attempt, max_attempts, run_at, started_at, finished_at, lease_owner,
                    lease_expires_at)
                VALUES (?, ?, ?, ?, ?, '{}', ?::jsonb, ?, 3, ?, ?, ?, ?, ?)
                """)) {
      insert.setObject(1, id);
      insert.setString(2, task);
      insert.setString(3, task);
      insert.setString(4, status);
      insert.setObject(5, team);
      insert.setString(6, attempts);
      insert.setInt(7, neverStarted ? 0 : 1);
      insert.setTimestamp(8, Timestamp.from(runAt));
      insert.setTimestamp(9, started == null ? null : Timestamp.from(started));
      insert.setTimestamp(10, finished == null ? null : Timestamp.from(finished));
      insert.setString(11, leaseOwner);
      insert.setTimestamp(12, leaseExpires == null ? null : Timestamp.from(leaseExpires));
      insert.executeUpdate();
    }
    return id;
  }

  private static RequestSpecification admin() {
    return as("test-admin-key");
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }
}
