package dev.nightshift.calendar;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.lastLog;
import static dev.nightshift.calendar.CalendarTests.sync;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nightshift.calendar.provider.google.GoogleStubs;
import dev.nightshift.calendar.provider.google.InjectWireMock;
import dev.nightshift.calendar.provider.ics.DemoFeed;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An ICS connection's life through the REST API and the real ICS provider, with WireMock serving
 * the bundled demo feed on loopback (allowed by {@link LoopbackOutbound}): recurrences expanded, a
 * 304 that writes nothing, and a changed feed whose missing event is deleted.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
@WithTestResource(LoopbackOutbound.class)
class IcsEndToEndIntegrationTest {

  private static final String FEED = "/feeds/demo-team.ics";
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String RETRO = "Sprint retrospective";

  @InjectWireMock WireMockServer wiremock;
  @Inject DataSource dataSource;

  private TestApi api;
  private CalendarTests db;

  @BeforeEach
  void setUp() {
    wiremock.resetAll();
    api = TestApi.newTeam();
    db = new CalendarTests(dataSource);
  }

  @Test
  void theDemoFeedIsExpandedThenNotModifiedThenAChangedFeedDeletesWhatItNoLongerHas() {
    String demo = new String(DemoFeed.bytes(), StandardCharsets.UTF_8);
    serve(demo, "\"demo-v1\"");

    var created =
        api.request()
            .contentType("application/json")
            .body(Map.of("provider", "ics", "url", wiremock.baseUrl() + FEED))
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    UUID connection = UUID.fromString(created.getString("connection.id"));
    assertEquals("COMPLETED", awaitRun(created.getString("syncRunId")).getString("status"));

    // Two weeks from a Monday at least a week ahead: every rule of the feed shows, each
    // fortnightly one exactly once.
    LocalDate monday =
        LocalDate.now(BERLIN).plusWeeks(1).with(TemporalAdjusters.next(DayOfWeek.MONDAY));
    assertEquals(expectedFortnight(monday), events(monday));
    Map<String, String> stored = db.titles(connection);
    long retros = stored.values().stream().filter(RETRO::equals).count();
    assertTrue(retros >= 10, "fortnightly over 270 days: " + retros);
    assertLog(lastLog(api, connection), "FULL", stored.size(), 0, 0, 2);
    assertEquals(
        "Nightshift demo team",
        api.request()
            .get("/api/v1/calendar-connections/" + connection + "/calendars")
            .then()
            .statusCode(200)
            .extract()
            .path("[0].name"));

    // Nothing changed: the validators go back and the 304 writes nothing.
    wiremock.resetRequests();
    assertEquals("COMPLETED", awaitRun(sync(api, connection, "incremental")).getString("status"));
    wiremock.verify(
        1,
        getRequestedFor(urlPathEqualTo(FEED)).withHeader("If-None-Match", equalTo("\"demo-v1\"")));
    assertLog(lastLog(api, connection), "INCREMENTAL", 0, 0, 0, 1);
    assertEquals(stored, db.titles(connection));

    // The retrospective is dropped from the feed: the snapshot deletes every stored instance.
    wiremock.resetAll();
    serve(
        demo.replaceAll(
            "(?s)BEGIN:VEVENT\\R+UID:retro@demo\\.nightshift\\.dev.*?END:VEVENT\\R", ""),
        "\"demo-v2\"");
    assertEquals("COMPLETED", awaitRun(sync(api, connection, "incremental")).getString("status"));
    wiremock.verify(
        1,
        getRequestedFor(urlPathEqualTo(FEED)).withHeader("If-None-Match", equalTo("\"demo-v1\"")));
    assertLog(lastLog(api, connection), "INCREMENTAL", 0, 0, (int) retros, 1);
    var after = db.titles(connection);
    assertFalse(after.containsValue(RETRO));
    assertEquals(stored.size() - retros, after.size());
    assertEquals(
        expectedFortnight(monday).stream().filter(e -> !e.get("title").equals(RETRO)).toList(),
        events(monday));
  }

  /** The feed with this ETag; a request that names it gets 304. */
  private void serve(String body, String etag) {
    wiremock.stubFor(
        get(urlPathEqualTo(FEED))
            .atPriority(5)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/calendar; charset=utf-8")
                    .withHeader("ETag", etag)
                    .withBody(body)));
    wiremock.stubFor(
        get(urlPathEqualTo(FEED))
            .atPriority(1)
            .withHeader("If-None-Match", equalTo(etag))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", etag)));
  }

  /** The demo feed's events in the two weeks from {@code monday}, by start. */
  private static List<Map<String, String>> expectedFortnight(LocalDate monday) {
    var expected = new ArrayList<Map<String, String>>();
    for (int day = 0; day < 14; day++) {
      LocalDate date = monday.plusDays(day);
      DayOfWeek weekday = date.getDayOfWeek();
      if (weekday == DayOfWeek.SATURDAY || weekday == DayOfWeek.SUNDAY) {
        continue;
      }
      expected.add(timed("Daily stand-up", date, "09:30", "09:45"));
      if (weekday == DayOfWeek.MONDAY) {
        expected.add(timed("Weekly planning", date, "10:00", "11:00"));
      }
      if (weekday == DayOfWeek.WEDNESDAY && fortnightFrom("2026-01-07", date)) {
        expected.add(timed("1:1 with the team lead", date, "14:00", "14:30"));
      }
      if (weekday == DayOfWeek.THURSDAY && fortnightFrom("2026-01-15", date)) {
        expected.add(timed(RETRO, date, "16:00", "17:00"));
      }
      if (weekday == DayOfWeek.FRIDAY) {
        expected.add(
            event(
                "Focus Friday (no meetings)",
                date.atStartOfDay(BERLIN).toInstant(),
                date.plusDays(1).atStartOfDay(BERLIN).toInstant()));
      }
    }
    expected.sort(Comparator.comparing((Map<String, String> e) -> Instant.parse(e.get("start"))));
    return expected;
  }

  private static boolean fortnightFrom(String first, LocalDate date) {
    return ChronoUnit.WEEKS.between(LocalDate.parse(first), date) % 2 == 0;
  }

  private static Map<String, String> timed(String title, LocalDate date, String from, String to) {
    return event(
        title,
        date.atTime(LocalTime.parse(from)).atZone(BERLIN).toInstant(),
        date.atTime(LocalTime.parse(to)).atZone(BERLIN).toInstant());
  }

  private static Map<String, String> event(String title, Instant start, Instant end) {
    return Map.of("title", title, "start", start.toString(), "end", end.toString());
  }

  /** The team's events in the two weeks from {@code monday} (Berlin), as the API lists them. */
  private List<Map<String, String>> events(LocalDate monday) {
    Instant from = monday.atStartOfDay(BERLIN).toInstant();
    Instant to = monday.plusWeeks(2).atStartOfDay(BERLIN).toInstant();
    List<Map<String, Object>> data =
        api.request()
            .get("/api/v1/calendar-events?from=" + from + "&to=" + to)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data");
    return data.stream()
        .map(
            e ->
                event(
                    (String) e.get("title"),
                    Instant.parse((String) e.get("start")),
                    Instant.parse((String) e.get("end"))))
        .toList();
  }

  private static void assertLog(
      JsonPath log, String type, int inserted, int updated, int deleted, int apiCalls) {
    assertEquals(
        List.of(type, "SUCCEEDED", inserted, updated, deleted, 1, apiCalls, false),
        List.of(
            log.getString("type"),
            log.getString("status"),
            log.getInt("inserted"),
            log.getInt("updated"),
            log.getInt("deleted"),
            log.getInt("pages"),
            log.getInt("apiCalls"),
            log.getBoolean("fellBack")),
        "type, status, inserted, updated, deleted, pages, apiCalls, fellBack");
  }
}
