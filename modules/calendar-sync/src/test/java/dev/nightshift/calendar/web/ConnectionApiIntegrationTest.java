package dev.nightshift.calendar.web;

import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.connect;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.aMapWithSize;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.calendar.CalendarTests;
import dev.nightshift.calendar.remote.FakeGoogle;
import dev.nightshift.calendar.remote.FakeProviders;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST API: validation, team isolation, secrets, paging and deletion. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ConnectionApiIntegrationTest {

  private static final FakeGoogle GOOGLE = FakeProviders.GOOGLE;
  private static final String CONNECTIONS = "/api/v1/calendar-connections";

  @Inject DataSource dataSource;

  private CalendarTests db;
  private TestApi api;

  @BeforeEach
  void setUp() {
    FakeProviders.install();
    db = new CalendarTests(dataSource);
    api = TestApi.newTeam();
  }

  @Test
  void aBadConnectionRequestNamesEveryFieldAtFault() {
    var google = new HashMap<String, Object>();
    google.put("provider", "google");
    google.put("url", "https://example.com/x.ics");
    var fields =
        api.request()
            .contentType("application/json")
            .body(google)
            .post(CONNECTIONS)
            .then()
            .statusCode(400)
            .contentType("application/problem+json")
            .extract()
            .jsonPath()
            .getList("errors.field");
    assertThat(
        fields, containsInAnyOrder("name", "accessToken", "refreshToken", "expiresAt", "url"));

    api.request()
        .contentType("application/json")
        .body(Map.of("provider", "ics", "url", "ftp://example.com/x.ics", "accessToken", "t"))
        .post(CONNECTIONS)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("accessToken", "url"));
    api.request()
        .contentType("application/json")
        .body(Map.of("provider", "outlook"))
        .post(CONNECTIONS)
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("provider"));
  }

  @Test
  void badRangesSyncRequestsAndCalendarChangesAre400s() {
    var connection = connect(api, GOOGLE.newAccount());
    awaitRun(connection.syncRunId());

    api.request()
        .get("/api/v1/calendar-events")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("from", "to"));
    api.request()
        .get("/api/v1/calendar-events?from=2025-01-01T00:00:00Z&to=2026-06-01T00:00:00Z")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("to"));
    api.request()
        .get("/api/v1/calendar-events?from=yesterday&to=2026-06-01T00:00:00Z")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("from"));
    api.request()
        .contentType("application/json")
        .body(Map.of("type", "sometimes"))
        .post(CONNECTIONS + "/" + connection.id() + "/sync")
        .then()
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("type"));
    var calendar =
        api.request()
            .get(CONNECTIONS + "/" + connection.id() + "/calendars")
            .then()
            .extract()
            .path("[0].id");
    api.request()
        .contentType("application/json")
        .body(Map.of())
        .patch(CONNECTIONS + "/" + connection.id() + "/calendars/" + calendar)
        .then()
        .statusCode(400);
    api.request()
        .contentType("application/json")
        .body(Map.of("enabled", "yes"))
        .patch(CONNECTIONS + "/" + connection.id() + "/calendars/" + calendar)
        .then()
        .statusCode(400);
  }

  @Test
  void anotherTeamSeesNoneOfTheConnectionNorItsEvents() {
    var account = GOOGLE.newAccount();
    var start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    account.primary().put("mine", "Mine", start);
    var connection = connect(api, account);
    awaitRun(connection.syncRunId());
    var other = TestApi.newTeam();
    var path = CONNECTIONS + "/" + connection.id();
    var calendar = api.request().get(path + "/calendars").then().extract().path("[0].id");

    other.request().get(path).then().statusCode(404);
    other.request().get(path + "/calendars").then().statusCode(404);
    other.request().get(path + "/sync-log").then().statusCode(404);
    other
        .request()
        .contentType("application/json")
        .body(Map.of("type", "full"))
        .post(path + "/sync")
        .then()
        .statusCode(404);
    other
        .request()
        .contentType("application/json")
        .body(Map.of("enabled", false))
        .patch(path + "/calendars/" + calendar)
        .then()
        .statusCode(404);
    other.request().delete(path).then().statusCode(404);
    other.request().get(CONNECTIONS).then().statusCode(200).body("data", hasSize(0));
    var range =
        "?from=" + start.minus(Duration.ofDays(1)) + "&to=" + start.plus(Duration.ofDays(1));
    other.request().get("/api/v1/calendar-events" + range).then().body("data", hasSize(0));
    api.request()
        .get("/api/v1/calendar-events" + range)
        .then()
        .statusCode(200)
        .body("data.externalId", hasItem("mine"));
  }

  @Test
  void tokensAreSealedAtRestAndNeverAnswered() {
    var account = GOOGLE.newAccount();
    var created =
        api.request()
            .contentType("application/json")
            .body(
                Map.of(
                    "provider", "google",
                    "name", account.email,
                    "accessToken", account.accessToken,
                    "refreshToken", account.refreshToken,
                    "expiresAt", account.accessExpiresAt.toString()))
            .post(CONNECTIONS)
            .then()
            .statusCode(201)
            .extract();
    var body = created.asString();
    assertThat(body, not(containsString(account.accessToken)));
    assertThat(body, not(containsString(account.refreshToken)));
    assertThat(created.path("syncRunId"), not(nullValue()));
    String id = created.path("connection.id");
    awaitRun(created.path("syncRunId"));
    assertThat(api.request().get(CONNECTIONS + "/" + id).asString(), not(containsString("ya29.")));
    assertThat(api.request().get(CONNECTIONS).asString(), not(containsString("1//refresh")));

    var stored = new ArrayList<String>();
    db.query(
        "SELECT access_token_sealed, refresh_token_sealed FROM calendar.connections WHERE id = ?",
        UUID.fromString(id),
        stored::addAll);
    assertThat(stored, hasSize(2));
    for (var sealed : stored) {
      assertThat(sealed, not(containsString(account.accessToken)));
      assertThat(sealed, not(containsString(account.refreshToken)));
    }
  }

  @Test
  void aRefusedGrantAtConnectIs422AndStoresNothing() {
    var account = GOOGLE.newAccount();
    account.revoked = true;
    account.accessExpiresAt = Instant.now();

    api.request()
        .contentType("application/json")
        .body(
            Map.of(
                "provider", "google",
                "name", account.email,
                "accessToken", account.accessToken,
                "refreshToken", account.refreshToken,
                "expiresAt", account.accessExpiresAt.toString()))
        .post(CONNECTIONS)
        .then()
        .statusCode(422);
    api.request().get(CONNECTIONS).then().body("data", hasSize(0));
  }

  @Test
  void connectionsPageByCursorAndDeletingOneDeletesItsEvents() {
    var ids = new ArrayList<String>();
    var start = Instant.now().plus(2, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < 3; i++) {
      var account = GOOGLE.newAccount();
      account.primary().put("e" + i, "E", start);
      var connection = connect(api, account);
      awaitRun(connection.syncRunId());
      ids.add(connection.id().toString());
    }
    var first = api.request().get(CONNECTIONS + "?limit=2").then().statusCode(200).extract();
    List<String> page = first.path("data.id");
    String cursor = first.path("nextCursor");
    var second = api.request().get(CONNECTIONS + "?limit=2&cursor=" + cursor).then().extract();
    List<String> rest = second.path("data.id");
    var all = new ArrayList<>(page);
    all.addAll(rest);
    assertThat(all, equalTo(ids));
    assertThat(second.path("nextCursor"), nullValue());

    var doomed = UUID.fromString(ids.getFirst());
    assertThat(db.titles(doomed), aMapWithSize(1));
    api.request().delete(CONNECTIONS + "/" + doomed).then().statusCode(204);
    api.request().get(CONNECTIONS + "/" + doomed).then().statusCode(404);
    assertThat(db.titles(doomed), aMapWithSize(0));
    var count = new ArrayList<String>();
    db.query("SELECT count(*) FROM calendar.events WHERE external_id = ?", "e0", count::addAll);
    assertThat(count, equalTo(List.of("0")));
  }
}
