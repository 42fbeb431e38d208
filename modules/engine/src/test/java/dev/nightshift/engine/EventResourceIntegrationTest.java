package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EventResourceIntegrationTest {

  @Test
  void aTeamKeyPublishesForItsOwnTeamAndWatchesTheDelivery() {
    var team = TestTeams.create();
    var key = TestTeams.issueKey(team);

    String id =
        as(key)
            .body(Map.of("name", "invoice.received", "payload", Map.of("amount", 12)))
            .post("/api/v1/events")
            .then()
            .statusCode(202)
            .body("id", notNullValue())
            .extract()
            .path("id");

    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> as(key).get("/api/v1/events/{id}", id).then().extract().path("deliveredAt"),
            notNullValue());
    as(key)
        .get("/api/v1/events/{id}", id)
        .then()
        .statusCode(200)
        .body("name", equalTo("invoice.received"))
        .body("teamId", equalTo(team))
        .body("payload.amount", equalTo(12))
        .body("source", equalTo("api"))
        .body("attempts", equalTo(1))
        .body("lastError", nullValue());
  }

  @Test
  void aTeamKeySeesOnlyItsOwnTeamsEvents() {
    var teamA = TestTeams.create();
    var keyA = TestTeams.issueKey(teamA);
    var keyB = TestTeams.issueKey(TestTeams.create());
    String id = publish(keyA, Map.of("name", "invoice.received"));

    as(keyB).get("/api/v1/events/{id}", id).then().statusCode(404);
    as(keyB)
        .body(Map.of("name", "invoice.received", "team", teamA))
        .post("/api/v1/events")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:nightshift:problem:other-team"));
    as(keyB).get("/api/v1/events").then().statusCode(200).body("data", hasSize(0));
    as(keyB).queryParam("team", teamA).get("/api/v1/events").then().body("data", hasSize(0));
    as(keyA).get("/api/v1/events").then().body("data.teamId", everyItem(equalTo(teamA)));
  }

  @Test
  void theAdminPublishesForAnyTeamOrNoneAndSeesEveryEvent() {
    var team = TestTeams.create();
    var key = TestTeams.issueKey(team);
    String forTeam = publish("test-admin-key", Map.of("name", "billing.changed", "team", team));
    String system = publish("test-admin-key", Map.of("name", "system.tick"));

    as(key).get("/api/v1/events/{id}", forTeam).then().statusCode(200);
    as(key).get("/api/v1/events/{id}", system).then().statusCode(404);
    as("test-admin-key")
        .get("/api/v1/events/{id}", system)
        .then()
        .statusCode(200)
        .body("teamId", nullValue());
  }

  @Test
  void listsPageNewestFirstWithACursorAndFilterByName() {
    var key = TestTeams.issueKey(TestTeams.create());
    for (int i = 0; i < 3; i++) {
      publish(key, Map.of("name", "page.item", "payload", Map.of("i", i)));
    }
    publish(key, Map.of("name", "page.other"));

    var first =
        as(key)
            .queryParam("name", "page.item")
            .queryParam("limit", 2)
            .get("/api/v1/events")
            .then()
            .statusCode(200)
            .body("data.payload.i", equalTo(java.util.List.of(2, 1)))
            .extract()
            .jsonPath();
    as(key)
        .queryParam("name", "page.item")
        .queryParam("limit", 2)
        .queryParam("cursor", first.getString("nextCursor"))
        .get("/api/v1/events")
        .then()
        .body("data.payload.i", equalTo(java.util.List.of(0)))
        .body("nextCursor", nullValue());
  }

  @Test
  void badInputIsAProblemNeverAServerError() {
    var key = TestTeams.issueKey(TestTeams.create());
    as(key)
        .body(Map.of("name", "Not A Name"))
        .post("/api/v1/events")
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:invalid-event"))
        .body("detail", containsString("lowercase"));
    as(key).body(Map.of("payload", Map.of())).post("/api/v1/events").then().statusCode(422);
    as(key)
        .body("{\"name\": \"a.b\", \"payload\": [1, 2]}")
        .post("/api/v1/events")
        .then()
        .statusCode(400);
    as(key)
        .body(Map.of("name", "a.b", "payload", Map.of("blob", "x".repeat(300 * 1024))))
        .post("/api/v1/events")
        .then()
        .statusCode(413)
        .body("type", equalTo("urn:nightshift:problem:payload-too-large"));
    as(key).get("/api/v1/events/{id}", UUID.randomUUID()).then().statusCode(404);
    as(key).queryParam("limit", 0).get("/api/v1/events").then().statusCode(422);
    given().get("/api/v1/events").then().statusCode(401);
  }

  private static String publish(String key, Map<String, Object> body) {
    return as(key).body(body).post("/api/v1/events").then().statusCode(202).extract().path("id");
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key).contentType("application/json");
  }
}
