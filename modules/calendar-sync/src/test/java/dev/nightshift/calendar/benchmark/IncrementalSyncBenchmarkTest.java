package dev.nightshift.calendar.benchmark;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.lastLog;
import static dev.nightshift.calendar.CalendarTests.sync;
import static org.hamcrest.MatcherAssert.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nightshift.calendar.CalendarTests;
import dev.nightshift.calendar.provider.google.GoogleStubs;
import dev.nightshift.calendar.provider.google.InjectWireMock;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An incremental sync that applies 10,000 changed events, through the real Google provider:
 * WireMock answers as Calendar API v3 does, in pages of 2,500 events (Google's largest), so the
 * figure holds the HTTP calls and the JSON of Google's pages, the task, the engine and the writes.
 * Runs only when asked (docs/benchmarks.md#calendar-sync):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/calendar-sync -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=IncrementalSyncBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>The sync's own time is its log line's end minus start; the run's adds the wait for a worker.
 * The report goes to stdout and to {@code target/calendar-sync-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(BenchmarkDefaults.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IncrementalSyncBenchmarkTest {

  private static final int EVENTS = Integer.getInteger("benchmark.events", 10_000);
  private static final int PAGE = 2_500;
  private static final int ROUNDS = 3;
  private static final String CALENDAR = "bench@example.com";
  private static final String EVENTS_PATH = "/calendar/v3/calendars/" + CALENDAR + "/events";
  private static final ObjectMapper JSON = new ObjectMapper();

  @InjectWireMock WireMockServer wiremock;
  @Inject DataSource dataSource;

  @Test
  void tenThousandChangedEvents() throws IOException {
    wiremock.resetAll();
    var start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    wiremock.stubFor(
        get(urlPathEqualTo("/calendar/v3/users/me/calendarList"))
            .willReturn(
                okJson(
                    json(
                        Map.of(
                            "kind",
                            "calendar#calendarList",
                            "items",
                            List.of(
                                Map.of(
                                    "id",
                                    CALENDAR,
                                    "summary",
                                    CALENDAR,
                                    "timeZone",
                                    "Europe/Berlin",
                                    "accessRole",
                                    "owner",
                                    "primary",
                                    true)))))));
    // The first full sync finds the events; each round then changes every one of them.
    stubListing(null, "v0", start);
    for (int round = 1; round <= ROUNDS; round++) {
      stubListing(token(round - 1), "v" + round, start);
    }
    var api = TestApi.newTeam();
    var connection = connect(api);
    assertThat(awaitRun(connection.syncRunId()).getString("status"), Matchers.equalTo("COMPLETED"));
    var db = new CalendarTests(dataSource);

    var report = new ArrayList<String>();
    report.add(
        String.format(
            Locale.ROOT,
            "Calendar incremental sync benchmark, %s, %d cores",
            Instant.now(),
            Runtime.getRuntime().availableProcessors()));
    for (int round = 1; round <= ROUNDS; round++) {
      long began = System.nanoTime();
      var run = awaitRun(sync(api, connection.id(), "incremental"));
      double runSeconds = (System.nanoTime() - began) / 1e9;
      assertThat(run.getString("status"), Matchers.equalTo("COMPLETED"));
      var log = lastLog(api, connection.id());
      assertThat(log.getInt("updated"), Matchers.equalTo(EVENTS));
      var last = db.logIntervals(connection.id()).getLast();
      double syncSeconds = (last[1] - last[0]) / 1e6;
      report.add(
          String.format(
              Locale.ROOT,
              "round %d: %,d changed events in %d pages, sync %.2f s (%,.0f events/s), run %.2f s",
              round,
              EVENTS,
              log.getInt("pages"),
              syncSeconds,
              EVENTS / syncSeconds,
              runSeconds));
    }
    report.forEach(System.out::println);
    Files.write(Path.of("target/calendar-sync-benchmark.txt"), report);
  }

  /** The pages of a listing: from the window (no token) or since {@code syncToken}. */
  private void stubListing(String syncToken, String version, Instant start) throws IOException {
    int pages = (EVENTS + PAGE - 1) / PAGE;
    for (int p = 0; p < pages; p++) {
      var request =
          get(urlPathEqualTo(EVENTS_PATH))
              .withQueryParam("syncToken", syncToken == null ? absent() : equalTo(syncToken))
              .withQueryParam("pageToken", p == 0 ? absent() : equalTo(version + "-page-" + p));
      var body = new LinkedHashMap<String, Object>();
      body.put("kind", "calendar#events");
      body.put("summary", CALENDAR);
      body.put("timeZone", "Europe/Berlin");
      body.put("updated", Instant.now().toString());
      var items = new ArrayList<Map<String, Object>>();
      for (int i = p * PAGE; i < Math.min(EVENTS, (p + 1) * PAGE); i++) {
        var begins = start.plus(Duration.ofMinutes(30L * i));
        items.add(
            Map.of(
                "kind",
                "calendar#event",
                "id",
                "bench" + i,
                "status",
                "confirmed",
                "summary",
                "Customer call " + i + " (" + version + ")",
                "description",
                "Agenda for call " + i,
                "location",
                "Room " + (i % 12),
                "start",
                Map.of("dateTime", begins.toString(), "timeZone", "Europe/Berlin"),
                "end",
                Map.of(
                    "dateTime",
                    begins.plus(Duration.ofMinutes(25)).toString(),
                    "timeZone",
                    "Europe/Berlin"),
                "updated",
                Instant.now().toString()));
      }
      body.put("items", items);
      if (p + 1 < pages) {
        body.put("nextPageToken", version + "-page-" + (p + 1));
      } else {
        body.put("nextSyncToken", token(Integer.parseInt(version.substring(1))));
      }
      wiremock.stubFor(request.willReturn(okJson(json(body))));
    }
  }

  private static String token(int round) {
    return "sync-token-" + round;
  }

  private static String json(Object value) throws IOException {
    return JSON.writeValueAsString(value);
  }

  private static CalendarTests.Connected connect(TestApi api) {
    var created =
        api.request()
            .contentType("application/json")
            .body(
                Map.of(
                    "provider", "google",
                    "name", CALENDAR,
                    "accessToken", "ya29.bench-access",
                    "refreshToken", "1//bench-refresh",
                    "expiresAt", Instant.now().plus(Duration.ofHours(1)).toString()))
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new CalendarTests.Connected(
        UUID.fromString(created.getString("connection.id")), created.getString("syncRunId"));
  }
}
