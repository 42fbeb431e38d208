package dev.nightshift.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.lastLog;
import static dev.nightshift.calendar.provider.google.GoogleStubs.TOKEN_PATH;
import static dev.nightshift.calendar.provider.google.GoogleStubs.json;
import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;
import dev.nightshift.calendar.provider.google.GoogleStubs;
import dev.nightshift.calendar.provider.google.InjectWireMock;
import dev.nightshift.calendar.push.ChannelTokens;
import dev.nightshift.calendar.watch.RenewChannelsTask;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Watch channels through the REST API, the engine and the real Google provider against WireMock:
 * opened after the first full sync, one per calendar; a notification on one syncs; renewal replaces
 * the channel about to expire; disabling a calendar and deleting the connection stop channels.
 */
@QuarkusTest
@TestProfile(PushUrlProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
@WithTestResource(LoopbackOutbound.class)
class WatchChannelsIntegrationTest {

  private static final String CALENDAR_LIST = "/calendar/v3/users/me/calendarList";
  private static final String LIST_PAGE_2 =
      "EjYKLGVuLmdlcm1hbiNob2xpZGF5QGdyb3VwLnYuY2FsZW5kYXIuZ29vZ2xlLmNvbRgBIAE=";
  private static final String WATCH = "/calendar/v3/calendars/[^/]+/events/watch";
  private static final String ALICE_WATCH = "/calendar/v3/calendars/alice@example.com/events/watch";
  private static final String STOP = "/calendar/v3/channels/stop";
  private static final String HOLIDAYS = "en.german#holiday@group.v.calendar.google.com";

  @InjectWireMock WireMockServer wiremock;
  @Inject DataSource dataSource;
  @Inject ChannelTokens tokens;
  @Inject Engine engine;

  private TestApi api;
  private CalendarTests db;

  @BeforeEach
  void setUp() {
    wiremock.resetAll();
    api = TestApi.newTeam();
    db = new CalendarTests(dataSource);
    stubGoogle(Instant.now().plus(Duration.ofDays(7)));
  }

  @Test
  void channelsAreOpenedAfterTheFullSyncNotifyRenewAndStop() {
    UUID connection = connect();

    // One channel per calendar, to the push URL, with the connection's token.
    List<JsonPath> watches = bodies(postRequestedFor(urlPathMatching(WATCH)));
    assertEquals(3, watches.size());
    for (JsonPath watch : watches) {
      assertEquals("web_hook", watch.getString("type"));
      assertEquals(PushUrlProfile.PUSH_URL, watch.getString("address"));
      assertEquals(tokens.tokenFor(connection), watch.getString("token"));
      assertEquals("604800", watch.getString("params.ttl"));
      assertTrue(watch.getString("id").startsWith(connection + "_"), watch.getString("id"));
    }
    var channels = channels(connection);
    assertEquals(
        watches.stream().map(w -> w.getString("id")).collect(Collectors.toSet()),
        channels.keySet());
    channels.forEach((id, resource) -> assertEquals("res-" + id, resource));
    var aliceCalendar = db.calendarId(connection, "alice@example.com");
    var aliceChannel = channelOf(aliceCalendar);

    // Google notifies on Alice's channel: an incremental sync of the connection.
    notify(aliceChannel, tokens.tokenFor(connection)).then().statusCode(200);
    await()
        .atMost(Duration.ofSeconds(30))
        .until(
            () -> {
              var line = lastLog(api, connection);
              return "PUSH".equals(line.getString("trigger"))
                  && "SUCCEEDED".equals(line.getString("status"));
            });
    assertEquals("INCREMENTAL", lastLog(api, connection).getString("type"));

    // Alice's channel expires within the renewal lead: a new one opens, then the old one stops.
    db.execute(
        "UPDATE calendar.watch_channels SET expires_at = now() + interval '1 hour' WHERE id = '"
            + aliceChannel
            + "'");
    db.execute(
        "UPDATE calendar.connections SET active = false WHERE team_id <> '" + api.teamId() + "'");
    wiremock.resetRequests();
    var renewal =
        awaitRun(
            engine
                .trigger(
                    RenewChannelsTask.ID,
                    new RenewChannelsTask.Payload(),
                    TriggerOptions.defaults())
                .id()
                .toString());
    assertEquals("COMPLETED", renewal.getString("status"));
    assertEquals(
        Map.of("connections", 1, "opened", 1, "stopped", 1, "failed", 0), renewal.getMap("output"));
    wiremock.verify(1, postRequestedFor(urlPathMatching(WATCH)));
    wiremock.verify(1, postRequestedFor(urlPathEqualTo(ALICE_WATCH)));
    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(STOP))
            .withHeader("Authorization", equalTo("Bearer ya29.a0AfB_fresh-access-token"))
            .withRequestBody(
                equalToJson(
                    "{\"id\": \""
                        + aliceChannel
                        + "\", \"resourceId\": \"res-"
                        + aliceChannel
                        + "\"}")));
    var renewed = channelOf(aliceCalendar);
    assertTrue(!renewed.equals(aliceChannel) && renewed.startsWith(connection + "_"));
    assertEquals(3, channels(connection).size());

    // Disabling the holiday calendar stops its channel.
    var holidays = db.calendarId(connection, HOLIDAYS);
    var holidayChannel = channelOf(holidays);
    wiremock.resetRequests();
    api.request()
        .contentType("application/json")
        .body(Map.of("enabled", false))
        .patch("/api/v1/calendar-connections/" + connection + "/calendars/" + holidays)
        .then()
        .statusCode(200);
    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(STOP))
            .withRequestBody(equalToJson("{\"id\": \"" + holidayChannel + "\"}", true, true)));
    assertEquals(2, channels(connection).size());

    // Deleting the connection stops the two channels left.
    var left = channels(connection).keySet();
    wiremock.resetRequests();
    api.request().delete("/api/v1/calendar-connections/" + connection).then().statusCode(204);
    assertEquals(
        left,
        bodies(postRequestedFor(urlPathEqualTo(STOP))).stream()
            .map(b -> b.getString("id"))
            .collect(Collectors.toSet()));
    assertEquals(Map.of(), channels(connection));
  }

  @Test
  void aChannelGoogleRefusesIsNotFatalAndIsTriedAgainByTheRenewal() {
    wiremock.stubFor(
        post(urlPathMatching("/calendar/v3/calendars/en\\.german%23holiday.*/events/watch"))
            .atPriority(1)
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(json("error-400-bad-request.json"))));

    UUID connection = connect();

    assertEquals("SUCCEEDED", lastLog(api, connection).getString("status"));
    assertEquals(2, channels(connection).size());
    db.execute(
        "UPDATE calendar.connections SET active = false WHERE team_id <> '" + api.teamId() + "'");
    wiremock.resetRequests();
    var renewal =
        awaitRun(
            engine
                .trigger(
                    RenewChannelsTask.ID,
                    new RenewChannelsTask.Payload(),
                    TriggerOptions.defaults())
                .id()
                .toString());
    assertEquals(
        Map.of("connections", 1, "opened", 0, "stopped", 0, "failed", 1), renewal.getMap("output"));
    wiremock.verify(1, postRequestedFor(urlPathMatching(WATCH)));
  }

  private UUID connect() {
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
                    "ya29.a0AfB_stale-access-token",
                    "refreshToken",
                    "1//0g-watch-refresh-token",
                    "expiresAt",
                    Instant.now().plus(Duration.ofMinutes(2)).toString()))
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertEquals("COMPLETED", awaitRun(created.getString("syncRunId")).getString("status"));
    return UUID.fromString(created.getString("connection.id"));
  }

  /** A token, Alice's three calendars, no events, and channels that echo what was asked. */
  private void stubGoogle(Instant expiry) {
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
            .willReturn(okJson(json("events-empty.json"))));
    wiremock.stubFor(
        post(urlPathMatching(WATCH))
            .atPriority(5)
            .willReturn(
                okJson(
                        """
                        {"kind": "api#channel", "id": "{{jsonPath request.body '$.id'}}",
                         "resourceId": "res-{{jsonPath request.body '$.id'}}",
                         "resourceUri": "https://www.googleapis.com/calendar/v3/calendars/x/events",
                         "token": "{{jsonPath request.body '$.token'}}",
                         "expiration": "%d"}
                        """
                            .formatted(expiry.toEpochMilli()))
                    .withTransformers("response-template")));
    wiremock.stubFor(post(urlPathEqualTo(STOP)).willReturn(aResponse().withStatus(204)));
  }

  private io.restassured.response.Response notify(String channel, String token) {
    return given()
        .header("X-Goog-Channel-ID", channel)
        .header("X-Goog-Channel-Token", token)
        .header("X-Goog-Resource-ID", "res-" + channel)
        .header("X-Goog-Resource-State", "exists")
        .header("X-Goog-Message-Number", "2")
        .post("/webhooks/google-calendar");
  }

  private List<JsonPath> bodies(RequestPatternBuilder requests) {
    return wiremock.findAll(requests).stream()
        .map(request -> JsonPath.from(request.getBodyAsString()))
        .toList();
  }

  /** The connection's stored channels: id to resource id. */
  private Map<String, String> channels(UUID connection) {
    var rows = new ArrayList<List<String>>();
    db.query(
        "SELECT id, resource_id FROM calendar.watch_channels WHERE connection_id = ?",
        connection,
        rows::add);
    return rows.stream().collect(Collectors.toMap(r -> r.get(0), r -> r.get(1)));
  }

  private String channelOf(UUID calendar) {
    var ids = new ArrayList<String>();
    db.query(
        "SELECT id FROM calendar.watch_channels WHERE calendar_id = ?",
        calendar,
        r -> ids.add(r.get(0)));
    assertEquals(1, ids.size(), "channels of calendar " + calendar);
    return ids.getFirst();
  }
}
