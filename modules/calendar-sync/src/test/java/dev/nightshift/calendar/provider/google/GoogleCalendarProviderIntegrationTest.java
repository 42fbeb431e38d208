package dev.nightshift.calendar.provider.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.calendar.provider.google.GoogleStubs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.StringValuePattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
class GoogleCalendarProviderIntegrationTest {

  private static final String EVENTS = "/calendar/v3/calendars/primary/events";
  private static final String CALENDAR_LIST = "/calendar/v3/users/me/calendarList";
  private static final ProviderAccess ACCESS = new ProviderAccess.OAuth("ya29.test-access-token");
  private static final Instant TIME_MIN = Instant.parse("2025-12-01T00:00:00Z");
  private static final Instant TIME_MAX = Instant.parse("2026-06-01T00:00:00Z");
  private static final String PAGE_2 = "CigKGjRsMnBkMGxzbTNqbTZ2NGZoNmE4aTN0Mm41GAEggICA6OvK8gI=";
  private static final String PAGE_3 = "CigKGmU3dDRpcjZrM2RmMnA5bTFzZ2Q0cjh2NmxoGAEggICA6OvK8gI=";
  private static final String SYNC_TOKEN = "CPDAlvWDx70CEPDAlvWDx70CGAU=";

  @InjectWireMock WireMockServer wiremock;
  @Inject GoogleCalendarProvider provider;

  @BeforeEach
  void reset() {
    wiremock.resetAll();
  }

  @Test
  void isTheGoogleProvider() {
    assertEquals(ProviderName.GOOGLE, provider.name());
  }

  @Test
  void aWindowListingFollowsThePagesToTheSyncToken() {
    stubEventsPage(absent(), "events-window-page-1.json");
    stubEventsPage(equalTo(PAGE_2), "events-window-page-2.json");
    stubEventsPage(equalTo(PAGE_3), "events-window-page-3.json");

    List<EventPage> pages = new ArrayList<>();
    EventQuery query = EventQuery.window("primary", TIME_MIN, TIME_MAX);
    EventPage page;
    do {
      page = provider.events(ACCESS, query);
      pages.add(page);
      query = query.nextPage(page.nextPageToken());
    } while (!page.last());

    assertEquals(3, pages.size());
    assertEquals(PAGE_2, pages.get(0).nextPageToken());
    assertNull(pages.get(0).nextSyncToken());
    assertEquals(SYNC_TOKEN, pages.get(2).nextSyncToken());
    assertFalse(pages.get(2).snapshot(), "Google reports deletions, absence says nothing");
    wiremock.verify(
        3,
        getRequestedFor(urlPathEqualTo(EVENTS))
            .withHeader("Authorization", equalTo("Bearer ya29.test-access-token"))
            .withQueryParam("singleEvents", equalTo("true"))
            .withQueryParam("showDeleted", equalTo("true"))
            .withQueryParam("maxResults", equalTo("3"))
            .withQueryParam("timeMin", equalTo("2025-12-01T00:00:00Z"))
            .withQueryParam("timeMax", equalTo("2026-06-01T00:00:00Z"))
            .withQueryParam("syncToken", absent()));
    wiremock.verify(
        1, getRequestedFor(urlPathEqualTo(EVENTS)).withQueryParam("pageToken", equalTo(PAGE_3)));

    List<RemoteEvent> events = pages.stream().flatMap(p -> p.events().stream()).toList();
    assertEquals(
        List.of(
            "4l2pd0lsm3jm6v4fh6a8i3t2n5",
            "7vq1a2b3c4d5e6f7g8h9i0j1k2",
            "e7t4ir6k3df2p9m1sgd4r8v6lh_20260311T080000Z",
            "nyoffsite0000000000000000"),
        events.stream().map(RemoteEvent::externalId).toList(),
        "the event ending as it starts is skipped");
    assertEquals(
        new RemoteEvent(
            "4l2pd0lsm3jm6v4fh6a8i3t2n5",
            false,
            "Sprint planning",
            "Agenda in the doc",
            "Room 4",
            Instant.parse("2026-03-10T09:00:00Z"),
            Instant.parse("2026-03-10T10:30:00Z"),
            false,
            "Europe/Berlin",
            RemoteEvent.Status.CONFIRMED,
            Instant.parse("2026-02-21T08:30:12.345Z")),
        events.get(0));
    RemoteEvent tentative = events.get(2);
    assertEquals("Untitled event", tentative.title());
    assertEquals(RemoteEvent.Status.TENTATIVE, tentative.status());
  }

  @Test
  void allDayEventsStartAtMidnightInTheirZoneOrElseTheCalendars() {
    stubEventsPage(absent(), "events-window-page-1.json");
    stubEventsPage(equalTo(PAGE_3), "events-window-page-3.json");

    RemoteEvent clocksForward =
        provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX)).events().get(1);
    RemoteEvent offsite =
        provider
            .events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX).nextPage(PAGE_3))
            .events()
            .getFirst();

    // No zone of its own: the calendar's Berlin, whose 29 March 2026 has 23 hours.
    assertTrue(clocksForward.allDay());
    assertEquals("Europe/Berlin", clocksForward.timeZone());
    assertEquals(Instant.parse("2026-03-28T23:00:00Z"), clocksForward.start());
    assertEquals(Instant.parse("2026-03-29T22:00:00Z"), clocksForward.end());
    // Its own zone, New York on daylight time; the end date is exclusive.
    assertTrue(offsite.allDay());
    assertEquals("America/New_York", offsite.timeZone());
    assertEquals(Instant.parse("2026-03-10T04:00:00Z"), offsite.start());
    assertEquals(Instant.parse("2026-03-12T04:00:00Z"), offsite.end());
  }

  @Test
  void changesSinceASyncTokenSendNoWindowAndReportCancelledEvents() {
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS))
            .withQueryParam("syncToken", equalTo(SYNC_TOKEN))
            .willReturn(okJson(json("events-changes.json"))));

    EventPage page = provider.events(ACCESS, EventQuery.changesSince("primary", SYNC_TOKEN));

    wiremock.verify(
        1,
        getRequestedFor(urlPathEqualTo(EVENTS))
            .withQueryParam("syncToken", equalTo(SYNC_TOKEN))
            .withQueryParam("singleEvents", equalTo("true"))
            .withQueryParam("showDeleted", equalTo("true"))
            .withQueryParam("timeMin", absent())
            .withQueryParam("timeMax", absent())
            .withQueryParam("pageToken", absent()));
    assertEquals("CKjIpYmEx70CEKjIpYmEx70CGAU=", page.nextSyncToken());
    assertTrue(page.last());
    assertEquals(
        List.of(
            RemoteEvent.cancelled("7vq1a2b3c4d5e6f7g8h9i0j1k2"),
            RemoteEvent.cancelled("e7t4ir6k3df2p9m1sgd4r8v6lh_20260318T080000Z")),
        page.events().subList(0, 2));
    RemoteEvent moved = page.events().get(2);
    assertFalse(moved.cancelled());
    assertEquals("Sprint planning (moved)", moved.title());
    assertEquals(Instant.parse("2026-03-10T13:00:00Z"), moved.start());
  }

  @Test
  void calendarIdsArePathEncoded() {
    wiremock.stubFor(
        get(urlPathEqualTo(
                "/calendar/v3/calendars/en.german%23holiday@group.v.calendar.google.com/events"))
            .willReturn(okJson(json("events-window-page-3.json"))));

    EventPage page =
        provider.events(
            ACCESS,
            EventQuery.window("en.german#holiday@group.v.calendar.google.com", TIME_MIN, TIME_MAX));

    assertEquals(1, page.events().size());
  }

  @Test
  void anExpiredSyncTokenIsReportedAndNotRetried() {
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS))
            .willReturn(errorJson(410, "error-410-full-sync-required.json")));

    assertThrows(
        SyncTokenExpiredException.class,
        () -> provider.events(ACCESS, EventQuery.changesSince("primary", "stale-token")));
    wiremock.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void aRateLimitWithRetryAfterIsRetried() {
    stubFailuresThenPage(
        1, errorJson(429, "error-429-rate-limit.json").withHeader("Retry-After", "1"));

    EventPage page = provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX));

    assertEquals(SYNC_TOKEN, page.nextSyncToken());
    wiremock.verify(2, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void aUserRateLimit403IsRetried() {
    stubFailuresThenPage(1, errorJson(403, "error-403-user-rate-limit.json"));

    EventPage page = provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX));

    assertEquals(SYNC_TOKEN, page.nextSyncToken());
    wiremock.verify(2, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void serverErrorsAreRetriedWithBackoff() {
    stubFailuresThenPage(2, errorJson(503, "error-503-backend.json"));

    EventPage page = provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX));

    assertEquals(SYNC_TOKEN, page.nextSyncToken());
    wiremock.verify(3, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void serverErrorsBeyondTheRetriesReachTheCaller() {
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS)).willReturn(errorJson(503, "error-503-backend.json")));

    var failure =
        assertThrows(
            GoogleUnavailableException.class,
            () -> provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX)));

    assertTrue(failure.getMessage().contains("503"), failure.getMessage());
    wiremock.verify(4, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void aBadRequestIsRefusedWithoutRetry() {
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS)).willReturn(errorJson(400, "error-400-bad-request.json")));

    var refused =
        assertThrows(
            GoogleRefusedException.class,
            () -> provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX)));

    assertEquals(400, refused.status());
    assertEquals("badRequest", refused.reason());
    wiremock.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)));
  }

  @Test
  void aRefusedTokenOrForbiddenCalendarIsRefusedWithoutRetry() {
    wiremock.stubFor(get(urlPathEqualTo(EVENTS)).willReturn(errorJson(401, "error-401-auth.json")));
    wiremock.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST)).willReturn(errorJson(403, "error-403-forbidden.json")));

    var unauthorized =
        assertThrows(
            GoogleRefusedException.class,
            () -> provider.events(ACCESS, EventQuery.window("primary", TIME_MIN, TIME_MAX)));
    var forbidden = assertThrows(GoogleRefusedException.class, () -> provider.calendars(ACCESS));

    assertEquals(401, unauthorized.status());
    assertEquals(
        "Google Calendar answered 401 authError: Invalid Credentials", unauthorized.getMessage());
    assertEquals(403, forbidden.status());
    assertEquals("forbidden", forbidden.reason());
    wiremock.verify(1, getRequestedFor(urlPathEqualTo(EVENTS)));
    wiremock.verify(1, getRequestedFor(urlPathEqualTo(CALENDAR_LIST)));
  }

  @Test
  void theCalendarListIsReadOverAllItsPages() {
    String page2 = "EjYKLGVuLmdlcm1hbiNob2xpZGF5QGdyb3VwLnYuY2FsZW5kYXIuZ29vZ2xlLmNvbRgBIAE=";
    wiremock.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .withQueryParam("pageToken", absent())
            .willReturn(okJson(json("calendar-list-page-1.json"))));
    wiremock.stubFor(
        get(urlPathEqualTo(CALENDAR_LIST))
            .withQueryParam("pageToken", equalTo(page2))
            .willReturn(okJson(json("calendar-list-page-2.json"))));

    List<RemoteCalendar> calendars = provider.calendars(ACCESS);

    assertEquals(
        List.of(
            new RemoteCalendar(
                "alice@example.com", "alice@example.com", "Europe/Berlin", "owner", true),
            new RemoteCalendar(
                "c_3f1e2d3c4b5a69788796a5b4c3d2e1f0@group.calendar.google.com",
                "Rota",
                "Europe/London",
                "writer",
                false),
            new RemoteCalendar(
                "en.german#holiday@group.v.calendar.google.com",
                "Holidays in Germany",
                "Europe/Berlin",
                "reader",
                false)),
        calendars);
    wiremock.verify(
        2,
        getRequestedFor(urlPathEqualTo(CALENDAR_LIST))
            .withHeader("Authorization", equalTo("Bearer ya29.test-access-token")));
  }

  @Test
  void aFeedIsNotGoogleAccess() {
    assertThrows(
        IllegalArgumentException.class,
        () -> provider.calendars(new ProviderAccess.Feed(URI.create("https://example.com/a.ics"))));
  }

  private void stubEventsPage(StringValuePattern pageToken, String fixture) {
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS))
            .withQueryParam("pageToken", pageToken)
            .willReturn(okJson(json(fixture))));
  }

  /** {@code failures} answers of {@code failure}, then the last page of a listing. */
  private void stubFailuresThenPage(int failures, ResponseDefinitionBuilder failure) {
    String state = Scenario.STARTED;
    for (int i = 1; i <= failures; i++) {
      String next = "failed " + i;
      wiremock.stubFor(
          get(urlPathEqualTo(EVENTS))
              .inScenario("flaky")
              .whenScenarioStateIs(state)
              .willReturn(failure)
              .willSetStateTo(next));
      state = next;
    }
    wiremock.stubFor(
        get(urlPathEqualTo(EVENTS))
            .inScenario("flaky")
            .whenScenarioStateIs(state)
            .willReturn(okJson(json("events-window-page-3.json"))));
  }

  private static ResponseDefinitionBuilder errorJson(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(json(fixture));
  }
}
