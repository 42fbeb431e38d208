package dev.nightshift.transactions;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Schedule;
import dev.nightshift.engine.Schedules;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.provider.sandbox.SandboxClock;
import dev.nightshift.transactions.sync.SyncTask;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/**
 * The module end to end, over its API, with the real engine and the sandbox bank: connect, the
 * setup run, the schedule, a later sync that adds and posts transactions, and its one event.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class BankSyncIntegrationTest {

  @Inject Engine engine;
  @Inject Schedules schedules;
  @Inject DataSource dataSource;

  @Test
  void theSyncOfATeamThatNoLongerExistsRemovesItsSchedule() throws Exception {
    String team = createTeam();
    String key = issueKey(team);
    String setupRun =
        as(key)
            .contentType("application/json")
            .body(Map.of("provider", "sandbox"))
            .post("/api/v1/bank-connections")
            .then()
            .statusCode(201)
            .extract()
            .path("setupRunId");
    awaitRun(key, setupRun, "COMPLETED");
    var teamId = UUID.fromString(team);
    assertThat(schedulesOf(teamId), hasSize(1));

    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement("DELETE FROM platform.teams WHERE id = ?")) {
      delete.setObject(1, teamId);
      delete.executeUpdate();
    }
    var run =
        engine.trigger(
            SyncTask.ID, new SyncTask.Payload(teamId), TriggerOptions.defaults().withTeam(teamId));

    await().atMost(Duration.ofSeconds(30)).until(() -> schedulesOf(teamId).isEmpty());
    awaitRun("test-admin-key", run.id().toString(), "COMPLETED");
  }

  private List<Schedule> schedulesOf(UUID team) {
    return schedules.list(new Schedules.Filter(team, SyncTask.ID, null, null, 10));
  }

  @Test
  void connectingTheSandboxSyncsItsHistoryAndALaterSyncAddsAndPostsTransactions() {
    String team = createTeam();
    String key = issueKey(team);

    var created =
        as(key)
            .contentType("application/json")
            .body(Map.of("provider", "sandbox", "reference", "e2e-" + team))
            .post("/api/v1/bank-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    String connection = created.getString("connection.id");
    var setup = awaitRun(key, created.getString("setupRunId"), "COMPLETED");
    assertThat(setup.getInt("output.accounts"), equalTo(3));
    assertThat(setup.getInt("output.created"), greaterThan(0));
    assertThat(setup.getString("progress.message"), startsWith("account 3 of 3, "));

    var schedules =
        as(key).get("/api/v1/schedules?task=transactions-sync").then().statusCode(200).extract();
    assertThat(schedules.jsonPath().getList("data"), hasSize(1));
    assertThat(schedules.jsonPath().getString("data[0].externalId"), equalTo(team));
    assertThat(
        as(key).get("/api/v1/bank-connections/" + connection).then().extract().path("status"),
        equalTo("CONNECTED"));

    var before = transactions(key);
    assertThat(before.size(), equalTo(setup.getInt("output.created")));
    var pendingBefore =
        before.values().stream().filter(t -> t.get("status").equals("PENDING")).toList();
    assertThat("the last two days are pending", pendingBefore, not(empty()));

    var later = LocalDate.now(ZoneOffset.UTC).plusDays(3);
    QuarkusMock.installMockForType(
        new SandboxClock() {
          @Override
          public LocalDate today() {
            return later;
          }
        },
        SandboxClock.class);
    String syncRun =
        as(key).post("/api/v1/transactions/sync").then().statusCode(200).extract().path("id");
    var sync = awaitRun(key, syncRun, "COMPLETED");

    var after = transactions(key);
    var newIds = new HashSet<>(after.keySet());
    newIds.removeAll(before.keySet());
    assertThat("new days brought new transactions", newIds, not(empty()));
    assertThat(sync.getInt("output.created"), equalTo(newIds.size()));
    for (var pending : pendingBefore) {
      assertThat(
          "a pending transaction posted in place",
          after.get(pending.get("id")).get("status"),
          equalTo("POSTED"));
    }

    var events =
        as(key)
            .get("/api/v1/events?name=transactions.created")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat("one event for the setup, one for the sync", events.getList("data"), hasSize(2));
    Set<String> announced = new HashSet<>(events.getList("data[0].payload.transactionIds"));
    assertThat("the sync's event carries exactly its new ids", announced, equalTo(newIds));
  }

  @Test
  void aRefusedLoginDisconnectsTheConnectionAndIsNotRetried() {
    String key = issueKey(createTeam());

    var created =
        as(key)
            .contentType("application/json")
            .body(Map.of("provider", "sandbox", "reference", "login-required-" + UUID.randomUUID()))
            .post("/api/v1/bank-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();

    var run = awaitRun(key, created.getString("setupRunId"), "FAILED");
    assertThat("refused credentials are not retried", run.getInt("attempt"), equalTo(1));
    var connection =
        as(key)
            .get("/api/v1/bank-connections/" + created.getString("connection.id"))
            .then()
            .extract()
            .jsonPath();
    assertThat(connection.getString("status"), equalTo("DISCONNECTED"));
    assertThat(connection.getString("lastError"), startsWith("ITEM_LOGIN_REQUIRED"));
  }

  @Test
  void anotherTeamSeesNothingAndBadInputIsAProblem() {
    String key = issueKey(createTeam());
    String other = issueKey(createTeam());
    String connection =
        as(key)
            .contentType("application/json")
            .body(Map.of("provider", "sandbox"))
            .post("/api/v1/bank-connections")
            .then()
            .statusCode(201)
            .extract()
            .path("connection.id");

    as(other).get("/api/v1/bank-connections/" + connection).then().statusCode(404);
    as(other).delete("/api/v1/bank-connections/" + connection).then().statusCode(404);
    assertThat(
        as(other).get("/api/v1/bank-connections").then().extract().jsonPath().getList("data"),
        empty());
    as(key)
        .contentType("application/json")
        .body(Map.of("provider", "nope"))
        .post("/api/v1/bank-connections")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
    as(key).get("/api/v1/transactions?status=sideways").then().statusCode(400);
    as(key).get("/api/v1/transactions?cursor=garbage").then().statusCode(400);
    as(key).get("/api/v1/transactions?from=yesterday").then().statusCode(400);
  }

  private static Map<String, Map<String, Object>> transactions(String key) {
    var all = new HashMap<String, Map<String, Object>>();
    String cursor = null;
    do {
      var spec = as(key).queryParam("limit", 500);
      if (cursor != null) {
        spec = spec.queryParam("cursor", cursor);
      }
      var page = spec.get("/api/v1/transactions").then().statusCode(200).extract().jsonPath();
      List<Map<String, Object>> data = page.getList("data");
      data.forEach(t -> all.put((String) t.get("id"), t));
      cursor = page.getString("nextCursor");
    } while (cursor != null);
    return all;
  }

  private static JsonPath awaitRun(String key, String run, String status) {
    var last = new ArrayList<JsonPath>(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var json = as(key).get("/api/v1/runs/" + run).then().extract().jsonPath();
              last.add(0, json);
              return status.equals(json.getString("status"));
            });
    return last.getFirst();
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  private static String createTeam() {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
    return as("test-admin-key")
        .contentType("application/json")
        .body(Map.of("name", slug, "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String issueKey(String team) {
    return as("test-admin-key")
        .contentType("application/json")
        .body(Map.of("name", "k"))
        .post("/api/v1/teams/{t}/keys", team)
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }
}
