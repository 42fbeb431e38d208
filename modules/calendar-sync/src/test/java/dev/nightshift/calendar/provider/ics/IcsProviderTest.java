package dev.nightshift.calendar.provider.ics;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import dev.nightshift.engine.NonRetryableException;
import java.net.URI;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The provider against a WireMock server serving iCalendar bodies. */
class IcsProviderTest {

  private static final Map<String, String> LOOPBACK_ALLOWED =
      Map.of("nightshift.outbound.allowed-networks", "127.0.0.1/32");
  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  private static final String ETAG = "\"feed-v1\"";
  private static final String LAST_MODIFIED = "Wed, 02 Dec 2026 10:00:00 GMT";

  private static WireMockServer server;
  private IcsProviders.Built built;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  @AfterEach
  void closeClient() {
    if (built != null) {
      built.http().close();
    }
  }

  @Test
  void anEventWithoutAUidKeepsAnIdDerivedFromItsTimesAndSummary() {
    serve(
        calendar(
            event("SUMMARY:Dentist", "DTSTART:20261201T090000Z", "DTEND:20261201T100000Z"),
            event("SUMMARY:Dentist", "DTSTART:20261202T090000Z", "DTEND:20261202T100000Z")));
    var window = EventQuery.window(CalendarProvider.FEED, at("2026-11-30"), at("2026-12-07"));

    var first = ids(provider().events(feed(), window));
    var again = ids(provider().events(feed(), window));

    assertEquals(2, first.size());
    assertTrue(first.stream().allMatch(id -> id.startsWith("no-uid-")));
    assertFalse(first.get(0).equals(first.get(1)));
    assertEquals(first, again);
  }

  @Test
  void aChangedFeedIsASnapshotAndAnUnchangedOneA304() {
    serve(calendar(event("UID:one@test", "DTSTART:20261201T090000Z", "DTEND:20261201T100000Z")));
    var window = EventQuery.window(CalendarProvider.FEED, at("2026-11-30"), at("2026-12-07"));

    EventPage first = provider().events(feed(), window);

    assertEquals(List.of("one@test"), ids(first));
    assertTrue(first.snapshot());
    assertFalse(first.notModified());
    assertTrue(first.last());
    server.stubFor(
        get("/feed.ics")
            .withHeader("If-None-Match", equalTo(ETAG))
            .withHeader("If-Modified-Since", equalTo(LAST_MODIFIED))
            .willReturn(aResponse().withStatus(304)));

    EventPage second =
        provider()
            .events(
                feed(),
                EventQuery.changesSince(
                    CalendarProvider.FEED,
                    first.nextSyncToken(),
                    at("2026-11-30"),
                    at("2026-12-07")));

    assertTrue(second.notModified());
    assertEquals(first.nextSyncToken(), second.nextSyncToken());
    assertEquals(List.of(), second.events());
    var requests = server.findAll(getRequestedFor(urlEqualTo("/feed.ics")));
    assertEquals(2, requests.size());
    assertFalse(requests.get(0).containsHeader("If-None-Match"));
    assertEquals(ETAG, requests.get(1).getHeader("If-None-Match"));
    assertEquals(LAST_MODIFIED, requests.get(1).getHeader("If-Modified-Since"));
  }

  @Test
  void aServerWithoutValidatorsIsAskedUnconditionallyNextTime() {
    server.stubFor(
        get("/feed.ics")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(
                        calendar(
                            event(
                                "UID:one@test",
                                "DTSTART:20261201T090000Z",
                                "DTEND:20261201T100000Z")))));
    var window = EventQuery.window(CalendarProvider.FEED, at("2026-11-30"), at("2026-12-07"));
    EventPage first = provider().events(feed(), window);

    provider()
        .events(
            feed(),
            EventQuery.changesSince(
                CalendarProvider.FEED, first.nextSyncToken(), at("2026-11-30"), at("2026-12-07")));

    server.verify(
        getRequestedFor(urlEqualTo("/feed.ics"))
            .withHeader("If-None-Match", absent())
            .withHeader("If-Modified-Since", absent()));
  }

  @Test
  void aDailyEventIsExpandedWithoutItsExdateAndWithItsOverride() {
    serve(
        calendar(
            event(
                "UID:daily@test",
                "DTSTART;TZID=Europe/Berlin:20260323T090000",
                "DTEND;TZID=Europe/Berlin:20260323T093000",
                "RRULE:FREQ=DAILY",
                "EXDATE;TZID=Europe/Berlin:20260325T090000",
                "SUMMARY:Stand-up"),
            event(
                "UID:daily@test",
                "RECURRENCE-ID;TZID=Europe/Berlin:20260326T090000",
                "DTSTART;TZID=Europe/Berlin:20260326T130000",
                "DTEND;TZID=Europe/Berlin:20260326T133000",
                "SUMMARY:Stand-up, moved")));

    List<RemoteEvent> events = events(at("2026-03-23"), at("2026-04-01"));

    assertEquals(
        List.of(
            "daily@test_20260323T080000Z 2026-03-23T08:00:00Z Stand-up",
            "daily@test_20260324T080000Z 2026-03-24T08:00:00Z Stand-up",
            "daily@test_20260326T080000Z 2026-03-26T12:00:00Z Stand-up, moved",
            "daily@test_20260327T080000Z 2026-03-27T08:00:00Z Stand-up",
            "daily@test_20260328T080000Z 2026-03-28T08:00:00Z Stand-up",
            "daily@test_20260329T070000Z 2026-03-29T07:00:00Z Stand-up",
            "daily@test_20260330T070000Z 2026-03-30T07:00:00Z Stand-up",
            "daily@test_20260331T070000Z 2026-03-31T07:00:00Z Stand-up"),
        events.stream().map(e -> e.externalId() + " " + e.start() + " " + e.title()).toList());
    events.forEach(
        e -> {
          assertEquals(30, java.time.Duration.between(e.start(), e.end()).toMinutes());
          assertEquals("Europe/Berlin", e.timeZone());
        });
  }

  @Test
  void aWeeklyNineOClockStaysAtNineInBerlinAcrossTheSwitchToWinterTime() {
    serve(
        calendar(
            event(
                "UID:weekly@test",
                "DTSTART;TZID=Europe/Berlin:20261023T090000",
                "DTEND;TZID=Europe/Berlin:20261023T100000",
                "RRULE:FREQ=WEEKLY;BYDAY=FR",
                // Written in UTC against a DTSTART with a zone: still the 6 November instance.
                "EXDATE:20261106T080000Z")));

    List<RemoteEvent> events = events(at("2026-10-20"), at("2026-11-14"));

    assertEquals(
        List.of(
            Instant.parse("2026-10-23T07:00:00Z"),
            Instant.parse("2026-10-30T08:00:00Z"),
            Instant.parse("2026-11-13T08:00:00Z")),
        events.stream().map(RemoteEvent::start).toList());
    events.forEach(e -> assertEquals(9, e.start().atZone(BERLIN).getHour()));
  }

  @Test
  void allDayEventsRunFromMidnightToMidnightInTheFeedsZone() {
    serve(
        calendar(
            "X-WR-TIMEZONE:Europe/Berlin",
            event("UID:holiday@test", "DTSTART;VALUE=DATE:20261224", "SUMMARY:Christmas Eve"),
            event(
                "UID:offsite@test",
                "DTSTART;VALUE=DATE:20261214",
                "DTEND;VALUE=DATE:20261217",
                "SUMMARY:Offsite")));

    List<RemoteEvent> events = events(at("2026-12-01"), at("2027-01-01"));

    assertEquals(2, events.size());
    RemoteEvent offsite = events.get(0);
    assertEquals(Instant.parse("2026-12-13T23:00:00Z"), offsite.start());
    assertEquals(Instant.parse("2026-12-16T23:00:00Z"), offsite.end());
    assertTrue(offsite.allDay());
    assertEquals("Europe/Berlin", offsite.timeZone());
    RemoteEvent eve = events.get(1);
    assertEquals("holiday@test", eve.externalId());
    assertEquals(Instant.parse("2026-12-23T23:00:00Z"), eve.start());
    assertEquals(Instant.parse("2026-12-24T23:00:00Z"), eve.end());
  }

  @Test
  void floatingTimesAreReadInTheConfiguredDefaultZone() {
    serve(
        calendar(
            event(
                "UID:floating@test",
                "DTSTART:20260310T090000",
                "DTEND:20260310T100000",
                "SUMMARY:Local breakfast")));
    var properties = new HashMap<>(LOOPBACK_ALLOWED);
    properties.put("nightshift.calendar.ics.default-time-zone", "America/New_York");
    built = IcsProviders.of(properties);

    EventPage page =
        built
            .provider()
            .events(
                feed(),
                EventQuery.window(CalendarProvider.FEED, at("2026-03-01"), at("2026-04-01")));

    RemoteEvent event = page.events().getFirst();
    // New York is on daylight time (UTC-4) since 8 March 2026.
    assertEquals(Instant.parse("2026-03-10T13:00:00Z"), event.start());
    assertEquals(Instant.parse("2026-03-10T14:00:00Z"), event.end());
    assertEquals("America/New_York", event.timeZone());
  }

  @Test
  void statusAndMissingTitleAreMapped() {
    serve(
        calendar(
            event(
                "UID:maybe@test", "DTSTART:20261201T090000Z", "STATUS:TENTATIVE", "SUMMARY:Maybe"),
            event("UID:gone@test", "DTSTART:20261202T090000Z", "STATUS:CANCELLED"),
            event("UID:nameless@test", "DTSTART:20261203T090000Z")));

    Map<String, RemoteEvent> events =
        events(at("2026-12-01"), at("2026-12-07")).stream()
            .collect(Collectors.toMap(RemoteEvent::externalId, e -> e));

    assertEquals(RemoteEvent.Status.TENTATIVE, events.get("maybe@test").status());
    assertEquals(RemoteEvent.cancelled("gone@test"), events.get("gone@test"));
    assertEquals(FeedEvents.UNTITLED, events.get("nameless@test").title());
    assertEquals(RemoteEvent.Status.CONFIRMED, events.get("nameless@test").status());
  }

  @Test
  void theCalendarIsNamedByTheFeedOrElseByItsHost() {
    serve(calendar("X-WR-CALNAME:Team Berlin", "X-WR-TIMEZONE:Europe/Berlin"));

    List<RemoteCalendar> named = provider().calendars(feed());

    assertEquals(
        List.of(
            new RemoteCalendar(
                CalendarProvider.FEED, "Team Berlin", "Europe/Berlin", "reader", true)),
        named);
    serve(calendar());
    assertEquals("127.0.0.1", provider().calendars(feed()).getFirst().name());
    assertNull(provider().calendars(feed()).getFirst().timeZone());
  }

  @Test
  void theDemoFeedHasAWorkWeekInAnyLaterWeek() {
    server.stubFor(
        get("/feed.ics").willReturn(aResponse().withStatus(200).withBody(DemoFeed.bytes())));

    List<RemoteEvent> week = events(at("2026-12-07"), at("2026-12-14"));

    assertEquals(
        List.of(
            "Daily stand-up",
            "Weekly planning",
            "Daily stand-up",
            "Daily stand-up",
            "1:1 with the team lead",
            "Daily stand-up",
            "Focus Friday (no meetings)",
            "Daily stand-up"),
        week.stream().map(RemoteEvent::title).toList());
    RemoteEvent monday = week.getFirst();
    assertEquals("standup@demo.nightshift.dev_20261207T083000Z", monday.externalId());
    assertEquals(Instant.parse("2026-12-07T08:30:00Z"), monday.start());
  }

  @Test
  void aFeedOverTheSizeLimitIsRefusedClearly() {
    server.stubFor(
        get("/feed.ics").willReturn(aResponse().withStatus(200).withBody(new byte[2048])));
    var properties = new HashMap<>(LOOPBACK_ALLOWED);
    properties.put("nightshift.calendar.ics.max-feed-size", "1K");
    built = IcsProviders.of(properties);

    var e =
        assertThrows(
            InvalidFeedException.class,
            () ->
                built
                    .provider()
                    .events(
                        feed(),
                        EventQuery.window(
                            CalendarProvider.FEED, at("2026-12-01"), at("2026-12-07"))));

    assertEquals(
        "The feed at 127.0.0.1 is larger than 1024 bytes (nightshift.calendar.ics.max-feed-size)",
        e.getMessage());
  }

  @Test
  void aPrivateAddressIsRefusedUnlessAllowed() {
    serve(calendar());
    built = IcsProviders.of(Map.of());

    var e = assertThrows(InvalidFeedException.class, () -> built.provider().calendars(feed()));

    assertTrue(e.getMessage().contains("loopback"), e.getMessage());
    assertEquals(List.of(), server.getAllServeEvents());
  }

  @Test
  void malformedIcsIsANonRetryableInvalidFeed() {
    server.stubFor(
        get("/feed.ics")
            .willReturn(
                aResponse().withStatus(200).withBody("<html>Sign in to see this calendar</html>")));

    var e = assertThrows(InvalidFeedException.class, () -> provider().calendars(feed()));

    assertInstanceOf(NonRetryableException.class, e);
    assertTrue(
        e.getMessage().startsWith("The feed at 127.0.0.1 is not valid iCalendar"), e.getMessage());
  }

  @ParameterizedTest
  @ValueSource(ints = {401, 404, 410})
  void aRefusingServerIsAnInvalidFeed(int status) {
    server.stubFor(get("/feed.ics").willReturn(aResponse().withStatus(status)));

    var e = assertThrows(InvalidFeedException.class, () -> provider().calendars(feed()));

    assertEquals("The feed at 127.0.0.1 answered HTTP " + status, e.getMessage());
  }

  @Test
  void aRedirectIsFollowedAndEachHopGuarded() {
    server.stubFor(
        get("/old.ics")
            .willReturn(aResponse().withStatus(301).withHeader("Location", "/feed.ics")));
    serve(calendar("X-WR-CALNAME:Moved"));
    server.stubFor(
        get("/metadata.ics")
            .willReturn(
                aResponse()
                    .withStatus(302)
                    .withHeader("Location", "http://169.254.169.254/latest/meta-data/")));
    URI base = feed().url();

    assertEquals(
        "Moved",
        provider().calendars(new ProviderAccess.Feed(base.resolve("/old.ics"))).getFirst().name());
    var e =
        assertThrows(
            InvalidFeedException.class,
            () -> provider().calendars(new ProviderAccess.Feed(base.resolve("/metadata.ics"))));
    assertTrue(e.getMessage().contains("metadata"), e.getMessage());
  }

  @Test
  void aFailingServerIsUnavailableForNow() {
    server.stubFor(get("/feed.ics").willReturn(aResponse().withStatus(502)));

    assertThrows(FeedUnavailableException.class, () -> provider().calendars(feed()));
  }

  @Test
  void aTokenOfAnotherKindAsksForAFullListing() {
    var query =
        EventQuery.changesSince(
            CalendarProvider.FEED,
            "CPDAlvWDx70CEPDAlvWDx70CGAU=",
            at("2026-12-01"),
            at("2026-12-07"));

    assertThrows(SyncTokenExpiredException.class, () -> provider().events(feed(), query));
    assertEquals(List.of(), server.getAllServeEvents());
  }

  @Test
  void webcalIsFetchedOverHttps() {
    assertEquals(
        URI.create("https://calendar.example/team.ics?key=s3cret"),
        FeedClient.httpScheme(URI.create("webcal://calendar.example/team.ics?key=s3cret")));
  }

  private IcsProvider provider() {
    if (built == null) {
      built = IcsProviders.of(LOOPBACK_ALLOWED);
    }
    return built.provider();
  }

  private List<RemoteEvent> events(Instant from, Instant to) {
    EventPage page = provider().events(feed(), EventQuery.window(CalendarProvider.FEED, from, to));
    return page.events().stream()
        .sorted(Comparator.comparing(RemoteEvent::externalId))
        .sorted(Comparator.comparing(e -> e.start() == null ? Instant.MIN : e.start()))
        .toList();
  }

  private static void serve(String body) {
    server.stubFor(
        get("/feed.ics")
            .atPriority(10)
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withHeader("Content-Type", "text/calendar; charset=utf-8")
                    .withHeader("ETag", ETAG)
                    .withHeader("Last-Modified", LAST_MODIFIED)
                    .withBody(body)));
  }

  private static ProviderAccess.Feed feed() {
    return new ProviderAccess.Feed(URI.create("http://127.0.0.1:" + server.port() + "/feed.ics"));
  }

  private static Instant at(String date) {
    return Instant.parse(date + "T00:00:00Z");
  }

  private static List<String> ids(EventPage page) {
    return page.events().stream().map(RemoteEvent::externalId).toList();
  }

  /** A VCALENDAR around the given lines, with Berlin's VTIMEZONE. */
  private static String calendar(String... lines) {
    return String.join(
        "\r\n",
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Nightshift//Tests//EN",
        String.join("\r\n", lines),
        BERLIN_VTIMEZONE,
        "END:VCALENDAR",
        "");
  }

  private static String event(String... lines) {
    return "BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n"
        + String.join("\r\n", lines)
        + "\r\nEND:VEVENT";
  }

  private static final String BERLIN_VTIMEZONE =
      String.join(
          "\r\n",
          "BEGIN:VTIMEZONE",
          "TZID:Europe/Berlin",
          "BEGIN:DAYLIGHT",
          "TZOFFSETFROM:+0100",
          "TZOFFSETTO:+0200",
          "TZNAME:CEST",
          "DTSTART:19700329T020000",
          "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
          "END:DAYLIGHT",
          "BEGIN:STANDARD",
          "TZOFFSETFROM:+0200",
          "TZOFFSETTO:+0100",
          "TZNAME:CET",
          "DTSTART:19701025T030000",
          "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
          "END:STANDARD",
          "END:VTIMEZONE");
}
