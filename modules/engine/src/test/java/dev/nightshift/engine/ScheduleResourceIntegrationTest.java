package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/schedules}: the lifecycle, validation as problem details, and team scoping. */
@QuarkusTest
@TestProfile(ManualTicks.class)
@WithTestResource(PostgresTestResource.class)
class ScheduleResourceIntegrationTest {

  private static final String HOURLY =
      """
      {"task": "echo", "cron": "0 * * * *", "timezone": "Europe/Berlin", "externalId": "team-7",
       "payload": {"message": "hi"}, "overlap": "skip", "catchUp": "skip"}
      """;

  @Test
  void createReadChangeTriggerAndDelete() {
    String id =
        admin()
            .body(HOURLY)
            .post("/api/v1/schedules")
            .then()
            .statusCode(201)
            .header("Location", containsString("/api/v1/schedules/"))
            .body("task", equalTo("echo"))
            .body("cron", equalTo("0 * * * *"))
            .body("timezone", equalTo("Europe/Berlin"))
            .body("active", equalTo(true))
            .body("overlap", equalTo("skip"))
            .body("catchUp", equalTo("skip"))
            .body("spread", equalTo("PT1H"))
            .body("spreadOffset", notNullValue())
            .body("nextRuns", hasSize(5))
            .body("nextRun", notNullValue())
            .body("lastRun", nullValue())
            .extract()
            .path("id");

    admin().get("/api/v1/schedules/{id}", id).then().statusCode(200).body("id", equalTo(id));
    admin()
        .body(
            """
            {"task": "echo", "interval": "30m", "payload": {"message": "every half hour"}}
            """)
        .put("/api/v1/schedules/{id}", id)
        .then()
        .statusCode(200)
        .body("cron", nullValue())
        .body("interval", equalTo("PT30M"))
        .body("timezone", equalTo("UTC"))
        .body("overlap", equalTo("queue"))
        .body("payload.message", equalTo("every half hour"));
    admin()
        .post("/api/v1/schedules/{id}/deactivate", id)
        .then()
        .statusCode(200)
        .body("active", equalTo(false))
        .body("nextRun", nullValue())
        .body("nextRuns", hasSize(0));
    admin()
        .post("/api/v1/schedules/{id}/activate", id)
        .then()
        .statusCode(200)
        .body("active", equalTo(true))
        .body("nextRuns", hasSize(5));
    String run =
        admin()
            .post("/api/v1/schedules/{id}/trigger", id)
            .then()
            .statusCode(200)
            .body("isCached", equalTo(false))
            .extract()
            .path("id");
    admin()
        .get("/api/v1/schedules/{id}", id)
        .then()
        .body("lastRun.id", equalTo(run))
        .body("lastRun.status", equalTo("QUEUED"));
    admin()
        .get("/api/v1/runs?tag=schedule:{id}", id)
        .then()
        .statusCode(200)
        .body("data.id", hasItem(run));

    admin().delete("/api/v1/schedules/{id}", id).then().statusCode(204);
    admin().get("/api/v1/schedules/{id}", id).then().statusCode(404);
    admin().post("/api/v1/schedules/{id}/trigger", id).then().statusCode(404);
  }

  @Test
  void theSameDeduplicationKeyAnswersTheSameSchedule() {
    var body =
        """
        {"task": "echo", "cron": "0 * * * *", "deduplicationKey": "%s", "payload": {"message": "%s"}}
        """;
    String key = "dedup-" + UUID.randomUUID();
    String id =
        admin()
            .body(body.formatted(key, "one"))
            .post("/api/v1/schedules")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    admin()
        .body(body.formatted(key, "two"))
        .post("/api/v1/schedules")
        .then()
        .statusCode(200)
        .body("id", equalTo(id))
        .body("payload.message", equalTo("two"));
  }

  @Test
  void badSchedulesAreProblemDetails() {
    expectBadRequest("{\"task\": \"nope\", \"cron\": \"0 * * * *\"}", "unknown-task");
    expectBadRequest(
        "{\"task\": \"echo\", \"cron\": \"0 0 * * * *\", \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    expectBadRequest(
        "{\"task\": \"echo\", \"cron\": \"0 * * * *\", \"timezone\": \"Berlin\","
            + " \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    expectBadRequest(
        "{\"task\": \"echo\", \"interval\": \"5 minutes\", \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    expectBadRequest(
        "{\"task\": \"echo\", \"interval\": \"100ms\", \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    expectBadRequest(
        "{\"task\": \"echo\", \"interval\": \"1m\", \"cron\": \"* * * * *\","
            + " \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    expectBadRequest("{\"task\": \"echo\", \"payload\": {\"message\": \"x\"}}", "invalid-schedule");
    expectBadRequest(
        "{\"task\": \"echo\", \"cron\": \"* * * * *\", \"spread\": \"a while\","
            + " \"payload\": {\"message\": \"x\"}}",
        "invalid-schedule");
    admin()
        .body("{\"task\": \"echo\", \"cron\": \"* * * * *\", \"payload\": {\"message\": 5}}")
        .post("/api/v1/schedules")
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:invalid-payload"));
    admin()
        .body("{\"task\": \"echo\", \"cron\": \"* * * * *\", \"overlap\": \"sometimes\"}")
        .post("/api/v1/schedules")
        .then()
        .statusCode(400);
    admin().get("/api/v1/schedules/not-a-uuid").then().statusCode(400);
  }

  @Test
  void aTeamKeySeesAndChangesOnlyItsTeamsSchedules() {
    String teamA = TestTeams.create();
    String keyA = TestTeams.issueKey(teamA);
    String keyB = TestTeams.issueKey(TestTeams.create());

    String own =
        as(keyA)
            .body(HOURLY)
            .post("/api/v1/schedules")
            .then()
            .statusCode(201)
            .body("teamId", equalTo(teamA))
            .extract()
            .path("id");
    String byAdmin =
        admin()
            .body(
                Map.of(
                    "task",
                    "echo",
                    "cron",
                    "0 * * * *",
                    "teamId",
                    teamA,
                    "payload",
                    Map.of("message", "a")))
            .post("/api/v1/schedules")
            .then()
            .statusCode(201)
            .body("teamId", equalTo(teamA))
            .extract()
            .path("id");
    String system =
        admin().body(HOURLY).post("/api/v1/schedules").then().statusCode(201).extract().path("id");

    as(keyA).get("/api/v1/schedules/{id}", byAdmin).then().statusCode(200);
    as(keyA).get("/api/v1/schedules/{id}", system).then().statusCode(404);
    as(keyA)
        .get("/api/v1/schedules")
        .then()
        .statusCode(200)
        .body("data.id", hasItem(own))
        .body("data.id", hasItem(byAdmin))
        .body("data.id", not(hasItem(system)));
    for (var path : new String[] {"", "/activate", "/deactivate", "/trigger"}) {
      var request = as(keyB);
      (path.isEmpty()
              ? request.get("/api/v1/schedules/{id}", own)
              : request.post("/api/v1/schedules/{id}" + path, own))
          .then()
          .statusCode(404);
    }
    as(keyB).body(HOURLY).put("/api/v1/schedules/{id}", own).then().statusCode(404);
    as(keyB).delete("/api/v1/schedules/{id}", own).then().statusCode(404);
    as(keyB).get("/api/v1/schedules").then().body("data.id", not(hasItem(own)));
    as(keyB)
        .body(
            Map.of(
                "task",
                "echo",
                "cron",
                "0 * * * *",
                "teamId",
                teamA,
                "payload",
                Map.of("message", "a")))
        .post("/api/v1/schedules")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:nightshift:problem:other-team"));
    as(keyA).get("/api/v1/schedules/{id}", own).then().statusCode(200);
  }

  private static void expectBadRequest(String body, String slug) {
    admin()
        .body(body)
        .post("/api/v1/schedules")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:nightshift:problem:" + slug));
  }

  private static RequestSpecification admin() {
    return as("test-admin-key");
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key).contentType("application/json");
  }
}
