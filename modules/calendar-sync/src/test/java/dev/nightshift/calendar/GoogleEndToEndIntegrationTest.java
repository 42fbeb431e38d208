package dev.nightshift.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.lastLog;
import static dev.nightshift.calendar.CalendarTests.sync;
import static dev.nightshift.calendar.provider.google.GoogleStubs.TOKEN_PATH;
import static dev.nightshift.calendar.provider.google.GoogleStubs.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nightshift.calendar.provider.google.GoogleStubs;
import dev.nightshift.calendar.provider.google.InjectWireMock;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A Google connection's life through the REST API and the real Google provider, with WireMock
 * answering as Calendar API v3 and the OAuth token endpoint do: connect with an access token about
 * to expire, first full sync over several pages, incremental syncs with the sync token, 410 Gone,
 * and a revoked grant.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
@WithTestResource(LoopbackOutbound.class)
class GoogleEndToEndIntegrationTest {

  private static final String CALENDAR_LIST = "/calendar/v3/users/me/calendarList";
  private static final String LIST_PAGE_2 =
      "EjYKLGVuLmdlcm1hbiNob2xpZGF5QGdyb3VwLnYuY2FsZW5kYXIuZ29vZ2xlLmNvbRgBIAE=";
  private static final String ALICE = "/calendar/v3/calendars/alice@example.com/events";
  private static final String PAGE_2 = "CigKGjRsMnBkMGxzbTNqbTZ2NGZoNmE4aTN0Mm41GAEggICA6OvK8gI=";
  private static final String PAGE_3 = "CigKGmU3dDRpcjZrM2RmMnA5bTFzZ2Q0cjh2NmxoGAEggICA6OvK8gI=";
  private static final String FIRST_TOKEN = "CPDAlvWDx70CEPDAlvWDx70CGAU=";
  private static final String SECOND_TOKEN = "CKjIpYmEx70CEKjIpYmEx70CGAU=";
  private static final String STALE_ACCESS = "ya29.a0AfB_stale-access-token";
  private static final String FRESH_ACCESS = "ya29.a0AfB_fresh-access-token";
  private static final String REFRESH_TOKEN = "1//0g-e2e-refresh-token";
  private static final String MARCH = "from=2026-03-01T00:00:00Z&to=2026-04-01T00:00:00Z";

  @InjectWireMock WireMockServer wiremock;
  @Inject DataSource dataSource;

  private TestApi api;
  private String firstRun;

  @BeforeEach
  void setUp() {
    wiremock.resetAll();
    api = TestApi.newTeam();
  }

  @Test
  void aGoogleConnectionSyncsFullThenIncrementallyFallsBackOn410AndIsDeactivatedWhenRevoked() {
    stubGoogle();
    Instant before = Instant.now();

    // Connect: the access token expires within the refresh lead, so the first call refreshes it.
    UUID connection = connect(before.plus(Duration.ofMinutes(2)));

    assertEquals("COMPLETED", awaitRun(firstRun).getString("status"));
    Instant after = Instant.now();
    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("client_id", equalTo("test-client.apps.example"))
            .withFormParam("client_secret", equalTo("test-client-secret"))
            .withFormParam("refresh_token", equalTo(REFRESH_TOKEN)));
    wiremock.verify(
        0,
        getRequestedFor(anyUrl()).withHeader("Authorization", equalTo("Bearer " + STALE_ACCESS)));
    // The calendar list was read over both its pages, at connect and again by the full sync.
    wiremock.verify(
        4,
        getRequestedFor(urlPathEqualTo(CALENDAR_LIST))
            .withHeader("Authorization", equalTo("Bearer " + FRESH_ACCESS)));
    var calendars =
        api.request()
            .get("/api/v1/calendar-connections/" + connection + "/calendars")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(calendars.getList("externalId"), hasSize(3));

    // The full sync lists the window page by page, every page with the new token.
    List<LoggedRequest> listing = wiremock.findAll(aliceEvents());
    assertEquals(3, listing.size());
    for (LoggedRequest request : listing) {
      assertEquals("Bearer " + FRESH_ACCESS, request.getHeader("Authorization"));
      assertEquals("true", request.queryParameter("singleEvents").firstValue());
      assertEquals("true", request.queryParameter("showDeleted").firstValue());
      assertEquals("3", request.queryParameter("maxResults").firstValue());
      assertFalse(request.queryParameter("syncToken").isPresent());
      Instant timeMin = Instant.parse(request.queryParameter("timeMin").firstValue());
      Instant timeMax = Instant.parse(request.queryParameter("timeMax").firstValue());
      assertEquals(Duration.ofDays(270), Duration.between(timeMin, timeMax), "-90 d .. +180 d");
      assertFalse(timeMin.isBefore(before.minus(Duration.ofDays(90))));
      assertFalse(timeMin.isAfter(after.minus(Duration.ofDays(90))));
    }
    assertEquals(
        List.of(PAGE_2, PAGE_3),
        listing.stream()
            .filter(r -> r.queryParameter("pageToken").isPresent())
            .map(r -> r.queryParameter("pageToken").firstValue())
            .sorted()
            .toList());
    var full = lastLog(api, connection);
    assertLog(full, "FULL", "CONNECT", 4, 0, 0, 5, 6, false);
    assertEquals(
        List.of(
            event("Offsite in New York", "2026-03-10T04:00:00Z", "2026-03-12T04:00:00Z"),
            event("Sprint planning", "2026-03-10T09:00:00Z", "2026-03-10T10:30:00Z"),
            event("Untitled event", "2026-03-11T08:00:00Z", "2026-03-11T08:15:00Z"),
            event("Clocks go forward", "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z")),
        events());

    // Incremental: only the sync token goes, and an update and a cancellation come back.
    wiremock.resetRequests();
    assertEquals("COMPLETED", awaitRun(sync(api, connection, "incremental")).getString("status"));
    wiremock.verify(
        1,
        aliceEvents()
            .withQueryParam("syncToken", equalTo(FIRST_TOKEN))
            .withQueryParam("singleEvents", equalTo("true"))
            .withQueryParam("showDeleted", equalTo("true"))
            .withQueryParam("timeMin", absent())
            .withQueryParam("timeMax", absent())
            .withQueryParam("pageToken", absent()));
    wiremock.verify(1, aliceEvents());
    wiremock.verify(0, getRequestedFor(urlPathEqualTo(CALENDAR_LIST)));
    wiremock.verify(0, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    assertLog(lastLog(api, connection), "INCREMENTAL", "MANUAL", 0, 1, 1, 3, 3, false);
    assertEquals(
        List.of(
            event("Offsite in New York", "2026-03-10T04:00:00Z", "2026-03-12T04:00:00Z"),
            event("Sprint planning (moved)", "2026-03-10T13:00:00Z", "2026-03-10T14:30:00Z"),
            event("Untitled event", "2026-03-11T08:00:00Z", "2026-03-11T08:15:00Z")),
        events());

    // Google forgot the token: 410, then the window is listed again and the line says so.
    wiremock.resetRequests();
    wiremock.stubFor(
        get(urlPathEqualTo(ALICE))
            .atPriority(1)
            .withQueryParam("syncToken", equalTo(SECOND_TOKEN))
            .willReturn(errorJson(410, "error-410-full-sync-required.json")));
    wiremock.stubFor(
        get(urlPathEqualTo(ALICE))
            .atPriority(1)
            .withQueryParam("syncToken", absent())
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(json("events-window-after-changes.json"))));
    assertEquals("COMPLETED", awaitRun(sync(api, connection, "incremental")).getString("status"));
    wiremock.verify(1, aliceEvents().withQueryParam("syncToken", equalTo(SECOND_TOKEN)));
    wiremock.verify(
        1,
        aliceEvents()
            .withQueryParam("syncToken", absent())
            .withQueryParam("timeMin", matching(".+"))
            .withQueryParam("timeMax", matching(".+")));
    assertLog(lastLog(api, connection), "INCREMENTAL", "MANUAL", 1, 1, 0, 3, 4, true);
    assertEquals(
        List.of(
            event(
                "Offsite in New York (agenda inside)",
                "2026-03-10T04:00:00Z",
                "2026-03-12T04:00:00Z"),
            event("Sprint planning (moved)", "2026-03-10T13:00:00Z", "2026-03-10T14:30:00Z"),
            event("Untitled event", "2026-03-11T08:00:00Z", "2026-03-11T08:15:00Z"),
            event("Quarterly review", "2026-03-20T14:00:00Z", "2026-03-20T15:00:00Z")),
        events());

    // An hour on, the token must be refreshed, and Google has revoked the grant.
    new CalendarTests(dataSource)
        .execute(
            "UPDATE calendar.connections SET token_expires_at = now() - interval '1 minute'"
                + " WHERE id = '"
                + connection
                + "'");
    wiremock.resetRequests();
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(errorJson(400, "token-invalid-grant.json")));
    assertEquals("FAILED", awaitRun(sync(api, connection, "incremental")).getString("status"));
    wiremock.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
    wiremock.verify(0, getRequestedFor(anyUrl()));
    var revoked = lastLog(api, connection);
    assertEquals("FAILED", revoked.getString("status"));
    assertThat(revoked.getString("error"), containsString("invalid_grant"));
    var view =
        api.request()
            .get("/api/v1/calendar-connections/" + connection)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertFalse(view.getBoolean("active"));
    assertThat(view.getString("deactivatedReason"), containsString("invalid_grant"));
    api.request()
        .contentType("application/json")
        .body(Map.of("type", "incremental"))
        .post("/api/v1/calendar-connections/" + connection + "/sync")
        .then()
        .statusCode(409);
    assertEquals(4, events().size(), "a revoked connection keeps what it synced");
  }

  private UUID connect(Instant expiresAt) {
    var created =
        api.request()
            .contentType("application/json")
            .body(
                Map.of(
                    "provider",
                    "google",
                    "name",
                    "alice@example.com",
                    "accessToken",
                    STALE_ACCESS,
                    "refreshToken",
                    REFRESH_TOKEN,
                    "expiresAt",
                    expiresAt.toString()))
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    firstRun = created.getString("syncRunId");
    return UUID.fromString(created.getString("connection.id"));
  }

  /**
   * The token endpoint, both pages of the calendar list, Alice's primary calendar as three pages
   * and then her changes, and her two other calendars empty.
   */
  private void stubGoogle() {
    wiremock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(json("token.json"))));
    wiremock.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(json("calendar-list-page-1.json"))));
    wiremock.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .withQueryParam("pageToken", equalTo(LIST_PAGE_2))
            .willReturn(okJson(json("calendar-list-page-2.json"))));
    wiremock.stubFor(
        get(urlPathMatching("/calendar/v3/calendars/[^/]+/events"))
            .atPriority(9)
            .willReturn(okJson(json("events-empty.json"))));
    stubAlice("pageToken", absent(), "events-window-page-1.json");
    stubAlice("pageToken", equalTo(PAGE_2), "events-window-page-2.json");
    stubAlice("pageToken", equalTo(PAGE_3), "events-window-page-3.json");
    stubAlice("syncToken", equalTo(FIRST_TOKEN), "events-changes.json");
  }

  private void stubAlice(String param, StringValuePattern value, String fixture) {
    var stub = get(urlPathEqualTo(ALICE)).atPriority(2).withQueryParam(param, value);
    if (param.equals("pageToken")) {
      stub = stub.withQueryParam("syncToken", absent());
    }
    wiremock.stubFor(stub.willReturn(okJson(json(fixture))));
  }

  private static RequestPatternBuilder aliceEvents() {
    return getRequestedFor(urlPathEqualTo(ALICE));
  }

  private static void assertLog(
      JsonPath log,
      String type,
      String trigger,
      int inserted,
      int updated,
      int deleted,
      int pages,
      int apiCalls,
      boolean fellBack) {
    assertEquals(
        Map.of(
            "type", type,
            "trigger", trigger,
            "status", "SUCCEEDED",
            "inserted", inserted,
            "updated", updated,
            "deleted", deleted,
            "pages", pages,
            "apiCalls", apiCalls,
            "fellBack", fellBack),
        Map.of(
            "type", log.getString("type"),
            "trigger", log.getString("trigger"),
            "status", log.getString("status"),
            "inserted", log.getInt("inserted"),
            "updated", log.getInt("updated"),
            "deleted", log.getInt("deleted"),
            "pages", log.getInt("pages"),
            "apiCalls", log.getInt("apiCalls"),
            "fellBack", log.getBoolean("fellBack")));
  }

  /** The team's events in March 2026, by start, as title, start and end. */
  private List<Map<String, String>> events() {
    var page =
        api.request()
            .get("/api/v1/calendar-events?" + MARCH)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> data = page.getList("data");
    return data.stream()
        .map(
            e ->
                Map.of(
                    "title", (String) e.get("title"),
                    "start", (String) e.get("start"),
                    "end", (String) e.get("end")))
        .toList();
  }

  private static Map<String, String> event(String title, String start, String end) {
    return Map.of("title", title, "start", start, "end", end);
  }

  private static ResponseDefinitionBuilder errorJson(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(json(fixture));
  }
}
