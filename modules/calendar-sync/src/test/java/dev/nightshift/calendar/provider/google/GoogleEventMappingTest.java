package dev.nightshift.calendar.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Event;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.EventTime;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The mapping's edges; the usual shapes are covered against WireMock's fixtures. */
class GoogleEventMappingTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Test
  void eventsWithoutATimeOrEndingBeforeTheyStartAreSkipped() {
    var at10 = new EventTime(null, "2026-03-10T10:00:00+01:00", null);
    var at9 = new EventTime(null, "2026-03-10T09:00:00+01:00", null);

    assertEquals(Optional.empty(), GoogleEventMapping.map(event(null, at10), BERLIN));
    assertEquals(Optional.empty(), GoogleEventMapping.map(event(at10, null), BERLIN));
    assertEquals(
        Optional.empty(),
        GoogleEventMapping.map(event(at10, new EventTime(null, null, null)), BERLIN));
    assertEquals(Optional.empty(), GoogleEventMapping.map(event(at10, at9), BERLIN));
    assertEquals(
        Optional.empty(),
        GoogleEventMapping.map(event(at9, new EventTime(null, "tomorrow", null)), BERLIN));
  }

  @Test
  void aCancelledEventIsOnlyItsIdWhateverElseItCarries() {
    var cancelled =
        new Event("abc", "cancelled", "Gone", null, null, null, null, "2026-03-01T00:00:00Z");

    assertEquals(
        Optional.of(RemoteEvent.cancelled("abc")), GoogleEventMapping.map(cancelled, BERLIN));
  }

  @Test
  void anAllDayEventWithoutAnyKnownZoneIsInUtc() {
    var day = event(new EventTime("2026-03-10", null, "Not/AZone"), date("2026-03-11"));

    RemoteEvent mapped = GoogleEventMapping.map(day, GoogleEventMapping.calendarZone(null)).get();

    assertTrue(mapped.allDay());
    assertEquals("Z", mapped.timeZone());
    assertEquals(Instant.parse("2026-03-10T00:00:00Z"), mapped.start());
    assertEquals(Instant.parse("2026-03-11T00:00:00Z"), mapped.end());
  }

  @Test
  void aBlankSummaryIsUntitled() {
    var event =
        new Event(
            "abc", "confirmed", "  ", null, null, date("2026-03-10"), date("2026-03-11"), null);

    assertEquals("Untitled event", GoogleEventMapping.map(event, BERLIN).get().title());
  }

  private static Event event(EventTime start, EventTime end) {
    return new Event("abc", "confirmed", "Title", null, null, start, end, null);
  }

  private static EventTime date(String date) {
    return new EventTime(date, null, null);
  }
}
