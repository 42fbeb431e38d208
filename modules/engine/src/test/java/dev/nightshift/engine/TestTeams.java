package dev.nightshift.engine;

import static io.restassured.RestAssured.given;

import java.util.Map;
import java.util.UUID;

/** Teams and their keys made through the real API with the test admin key. */
final class TestTeams {

  private TestTeams() {}

  /** A new team; its id. */
  static String create() {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
    return given()
        .auth()
        .oauth2("test-admin-key")
        .contentType("application/json")
        .body(Map.of("name", slug, "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A new key of {@code team}; the secret. */
  static String issueKey(String team) {
    return given()
        .auth()
        .oauth2("test-admin-key")
        .contentType("application/json")
        .body(Map.of("name", "k"))
        .post("/api/v1/teams/{t}/keys", team)
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }
}
