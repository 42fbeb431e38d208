package dev.nightshift.app;

import static dev.nightshift.app.Api.as;
import static dev.nightshift.app.Api.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TeamsAndKeysIntegrationTest {

  @Test
  void adminCreatesTeamAndIssuesKeyThatIsShownOnceAndWorks() {
    String team = Api.createTeam();
    var issued =
        asAdmin()
            .body(Map.of("name", "backend"))
            .post("/api/v1/teams/{team}/keys", team)
            .then()
            .statusCode(201)
            .body("key", startsWith("nsk_"))
            .body("prefix", notNullValue())
            .extract()
            .jsonPath();
    String key = issued.getString("key");

    as(key).get("/api/v1/teams/{team}", team).then().statusCode(200).body("id", equalTo(team));
    as(key)
        .get("/api/v1/teams/{team}/keys", team)
        .then()
        .statusCode(200)
        .body("data", hasSize(1))
        .body("data[0].name", equalTo("backend"))
        .body("data[0].key", nullValue())
        .body("data[0].prefix", equalTo(key.substring(0, 10)));
  }

  @Test
  void anotherTeamsKeyGets404OnTheFirstTeamsResources() {
    String first = Api.createTeam();
    String firstKeyId = Api.issueKey(first, "first").id();
    String otherKey = Api.issueKey(Api.createTeam(), "other").key();

    as(otherKey).get("/api/v1/teams/{team}", first).then().statusCode(404);
    as(otherKey).get("/api/v1/teams/{team}/keys", first).then().statusCode(404);
    as(otherKey)
        .delete("/api/v1/teams/{team}/keys/{key}", first, firstKeyId)
        .then()
        .statusCode(404);
    asAdmin().get("/api/v1/teams/{team}/keys", first).then().body("data[0].revokedAt", nullValue());
  }

  @Test
  void revokedKeyIsRefused() {
    String team = Api.createTeam();
    var issued = Api.issueKey(team, "leaked");
    String key = issued.key();

    as(key).delete("/api/v1/teams/{team}/keys/{key}", team, issued.id()).then().statusCode(204);

    as(key).get("/api/v1/teams/{team}", team).then().statusCode(401);
    asAdmin()
        .get("/api/v1/teams/{team}/keys", team)
        .then()
        .body("data[0].revokedAt", notNullValue());
  }

  @Test
  void teamKeyCannotUseAdminEndpoints() {
    String key = Api.issueKey(Api.createTeam(), "test").key();

    as(key)
        .body(Map.of("name", "Sneaky", "slug", "sneaky"))
        .post("/api/v1/teams")
        .then()
        .statusCode(403)
        .body("type", equalTo("urn:nightshift:problem:admin-key-required"));
    as(key).get("/api/v1/teams").then().statusCode(403);
  }

  @Test
  void missingOrUnknownKeyGets401() {
    given()
        .get("/api/v1/teams")
        .then()
        .statusCode(401)
        .header("WWW-Authenticate", startsWith("Bearer"));
    as("nsk_unknown").get("/api/v1/teams").then().statusCode(401);
    given()
        .header("Authorization", "Basic Zm9vOmJhcg==")
        .get("/api/v1/teams")
        .then()
        .statusCode(401);
  }

  @Test
  void duplicateSlugGets409() {
    String slug = "dup-" + System.nanoTime();
    asAdmin()
        .body(Map.of("name", "One", "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(201);
    asAdmin()
        .body(Map.of("name", "Two", "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(409)
        .body("type", equalTo("urn:nightshift:problem:conflict"));
  }

  @Test
  void teamListPagesWithCursorWithoutRepeatsOrGaps() {
    for (int i = 0; i < 5; i++) {
      Api.createTeam();
    }
    List<String> seen = new ArrayList<>();
    String cursor = null;
    do {
      var page =
          asAdmin()
              .queryParam("limit", 2)
              .queryParam("cursor", cursor == null ? "" : cursor)
              .get("/api/v1/teams")
              .then()
              .statusCode(200)
              .extract()
              .jsonPath();
      List<String> ids = page.getList("data.id");
      ids.forEach(id -> assertThat(seen, not(hasItem(id))));
      seen.addAll(ids);
      cursor = page.getString("nextCursor");
    } while (cursor != null);

    var all = asAdmin().queryParam("limit", 200).get("/api/v1/teams").jsonPath().getList("data.id");
    assertThat(seen, equalTo(all));
  }
}
