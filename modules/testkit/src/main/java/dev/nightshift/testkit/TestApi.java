package dev.nightshift.testkit;

import static io.restassured.RestAssured.given;

import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** A new team with its own API key, made through the REST API as a user would. */
public record TestApi(String team, String key) {

  public static final String ADMIN = "test-admin-key";

  public static TestApi newTeam() {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
    String team =
        as(ADMIN)
            .contentType("application/json")
            .body(Map.of("name", slug, "slug", slug))
            .post("/api/v1/teams")
            .then()
            .statusCode(201)
            .extract()
            .path("id");
    return new TestApi(team, issueKey(UUID.fromString(team)));
  }

  /** A new API key of an existing team. */
  public static String issueKey(UUID team) {
    return as(ADMIN)
        .contentType("application/json")
        .body(Map.of("name", "test"))
        .post("/api/v1/teams/" + team + "/keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }

  public RequestSpecification request() {
    return as(key);
  }

  public UUID teamId() {
    return UUID.fromString(team);
  }

  public static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }
}
