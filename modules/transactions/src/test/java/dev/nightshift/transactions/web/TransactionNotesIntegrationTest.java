package dev.nightshift.transactions.web;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import dev.nightshift.transactions.TestBank;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Notes and the export mark over the REST API, team-scoped as the rest of the resource. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TransactionNotesIntegrationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

  @Inject DataSource dataSource;
  @Inject TeamStore teams;

  private TestBank bank;
  private TestApi api;
  private UUID account;

  @BeforeEach
  void setUp() {
    bank = new TestBank(dataSource, teams);
    api = TestApi.newTeam();
    account = bank.account(api.teamId(), "Checking");
  }

  @Test
  void aNoteIsSetShownAndCleared() {
    var id = bank.transaction(api.teamId(), account, DAY, "Figma");

    patch(api.key(), id, Map.of("note", "Design seats, Q3"))
        .then()
        .statusCode(200)
        .body("id", equalTo(id.toString()))
        .body("note", equalTo("Design seats, Q3"));
    assertThat(listed(api.key(), "").get("note"), equalTo("Design seats, Q3"));
    assertThat(listed(api.key(), "").get("exportedAt"), nullValue());

    patch(api.key(), id, Map.of("note", "  ")).then().statusCode(200).body("note", nullValue());
    patch(api.key(), id, Map.of("note", "again")).then().statusCode(200);
    patch(api.key(), id, Map.of()).then().statusCode(200).body("note", nullValue());
    patch(api.key(), id, Map.of("note", "again")).then().statusCode(200);
    var clear = new HashMap<String, Object>();
    clear.put("note", null);
    patch(api.key(), id, clear).then().statusCode(200).body("note", nullValue());
    assertThat(listed(api.key(), "").get("note"), nullValue());
  }

  @Test
  void aNoteHasAtMost2000Characters() {
    var id = bank.transaction(api.teamId(), account, DAY, "Figma");
    // Code points, not UTF-16 units: 2,000 emoji fit.
    var longest = "🧾".repeat(2000);

    patch(api.key(), id, Map.of("note", longest))
        .then()
        .statusCode(200)
        .body("note", equalTo(longest));
    patch(api.key(), id, Map.of("note", "x".repeat(2001)))
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:note-too-long"));
    assertThat(listed(api.key(), "").get("note"), equalTo(longest));
  }

  @Test
  void anUnknownOrAnotherTeamsTransactionIsNotFound() {
    var id = bank.transaction(api.teamId(), account, DAY, "Figma");
    var other = TestApi.newTeam();

    patch(other.key(), id, Map.of("note", "mine now"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    patch(api.key(), UUID.randomUUID(), Map.of("note", "x"))
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    patch(TestApi.ADMIN, id, Map.of("note", "by the admin")).then().statusCode(200);
    assertThat(listed(api.key(), "").get("note"), equalTo("by the admin"));
  }

  @Test
  void theListFiltersByExported() {
    var exported = bank.transaction(api.teamId(), account, DAY, "exported");
    var notYet = bank.transaction(api.teamId(), account, DAY.minusDays(1), "not-yet");
    var at = Instant.parse("2026-07-01T10:00:00Z");
    bank.exported(exported, at);

    assertThat(ids(api.key(), "?exported=true"), contains(exported.toString()));
    assertThat(ids(api.key(), "?exported=FALSE"), contains(notYet.toString()));
    assertThat(ids(api.key(), "").size(), equalTo(2));
    assertThat(listed(api.key(), "?exported=true").get("exportedAt"), equalTo(at.toString()));
    api.request()
        .get("/api/v1/transactions?exported=maybe")
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:invalid-parameter"));
  }

  private static Response patch(String key, UUID id, Map<String, ?> body) {
    return TestApi.as(key)
        .contentType("application/json")
        .body(body)
        .patch("/api/v1/transactions/" + id);
  }

  /** The first transaction of the list. */
  private static Map<String, Object> listed(String key, String query) {
    return TestApi.as(key)
        .get("/api/v1/transactions" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("data[0]");
  }

  private static List<String> ids(String key, String query) {
    return TestApi.as(key)
        .get("/api/v1/transactions" + query)
        .then()
        .statusCode(200)
        .extract()
        .path("data.id");
  }
}
