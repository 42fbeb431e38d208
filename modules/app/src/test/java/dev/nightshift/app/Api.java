package dev.nightshift.app;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.UUID;

/** Calls to the running application as the admin or as a team, for integration tests. */
final class Api {

  static final String ADMIN_KEY = "test-admin-key";

  private Api() {}

  static RequestSpecification asAdmin() {
    return as(ADMIN_KEY);
  }

  static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key).contentType(ContentType.JSON);
  }

  /** Creates a team with a unique slug and returns its id. */
  static String createTeam() {
    String slug = "team-" + UUID.randomUUID().toString().substring(0, 8);
    return asAdmin()
        .body(Map.of("name", "Team " + slug, "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  /** A key as issued: its id and its secret. */
  record IssuedKey(String id, String key) {}

  /** Issues a key named {@code name} for the team. */
  static IssuedKey issueKey(String team, String name) {
    var issued =
        asAdmin()
            .body(Map.of("name", name))
            .post("/api/v1/teams/{team}/keys", team)
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new IssuedKey(issued.getString("id"), issued.getString("key"));
  }
}
