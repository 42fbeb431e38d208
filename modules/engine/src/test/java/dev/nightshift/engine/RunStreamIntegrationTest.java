package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.tasks.StepsTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RunStreamIntegrationTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Inject Engine engine;

  @Test
  void theStreamSendsStatusAndProgressUntilTheRunEnds() throws Exception {
    var id = engine.trigger("steps", new StepsTask.Payload(5, 60), TriggerOptions.defaults()).id();

    String body =
        given()
            .header("Authorization", "Bearer test-admin-key")
            .accept("text/event-stream")
            .get("/api/v1/runs/{id}/events", id)
            .then()
            .statusCode(200)
            .extract()
            .asString();

    var events = events(body);
    assertThat(events.getLast().get("status").asText(), equalTo("COMPLETED"));
    assertThat(events.getLast().get("output").asInt(), equalTo(5));
    // Progress is coalesced (one write per run per flush), so not every step is sent, but
    // progress short of the end arrives while the run still executes.
    assertThat(
        events.stream()
            .filter(e -> e.get("status").asText().equals("EXECUTING"))
            .map(e -> e.path("progress").path("done").asInt(0))
            .anyMatch(done -> done > 0 && done < 5),
        equalTo(true));
    assertThat(events.stream().map(e -> e.get("status").asText()).toList(), hasItem("EXECUTING"));
  }

  @Test
  void aStreamTokenOpensThatRunsStreamAndNothingElse() throws Exception {
    String team =
        admin()
            .body(
                Map.of(
                    "name",
                    "Streams",
                    "slug",
                    "streams-" + UUID.randomUUID().toString().substring(0, 8)))
            .post("/api/v1/teams")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    String key =
        admin()
            .body(Map.of("name", "k"))
            .post("/api/v1/teams/{t}/keys", team)
            .then()
            .extract()
            .path("key");
    var run =
        engine
            .trigger(
                "steps",
                new StepsTask.Payload(2, 20),
                TriggerOptions.defaults().withTeam(UUID.fromString(team)))
            .id();
    var other =
        engine
            .trigger(
                "steps",
                new StepsTask.Payload(1, 1),
                TriggerOptions.defaults().withTeam(UUID.fromString(team)))
            .id();

    var token =
        given()
            .header("Authorization", "Bearer " + key)
            .post("/api/v1/runs/{id}/token", run)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    String url = token.getString("url");

    String body =
        given()
            .queryParam("access_token", token.getString("token"))
            .get(url)
            .then()
            .statusCode(200)
            .extract()
            .asString();
    assertThat(events(body).getLast().get("status").asText(), equalTo("COMPLETED"));

    given()
        .queryParam("access_token", token.getString("token"))
        .get("/api/v1/runs/{id}/events", other)
        .then()
        .statusCode(401);
    given()
        .queryParam("access_token", token.getString("token"))
        .get("/api/v1/runs/{id}", run)
        .then()
        .statusCode(401);
    given()
        .queryParam("access_token", token.getString("token") + "x")
        .get(url)
        .then()
        .statusCode(401)
        .body("detail", containsString("access token"));
  }

  private static List<JsonNode> events(String body) throws Exception {
    var events = new java.util.ArrayList<JsonNode>();
    for (String line : body.split("\n")) {
      if (line.startsWith("data:")) {
        events.add(JSON.readTree(line.substring("data:".length()).trim()));
      }
    }
    return events;
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-key").contentType("application/json");
  }
}
