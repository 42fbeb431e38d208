package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.CalendarList;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.CalendarListEntry;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Event;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Events;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Google Calendar through API v3. Deletions arrive as cancelled events, so a page is never a
 * snapshot. Besides the port's exceptions, calls throw {@link GoogleUnavailableException} once
 * their retries are spent and {@link GoogleRefusedException} for a request Google will not serve.
 */
@ApplicationScoped
public class GoogleCalendarProvider implements CalendarProvider {

  private static final Logger LOG = Logger.getLogger(GoogleCalendarProvider.class);

  private final GoogleCalendarClient client;

  GoogleCalendarProvider(GoogleCalendarClient client) {
    this.client = client;
  }

  @Override
  public ProviderName name() {
    return ProviderName.GOOGLE;
  }

  /** Every page of the user's calendar list, hidden calendars left out as Google does. */
  @Override
  public List<RemoteCalendar> calendars(ProviderAccess access) {
    String token = accessToken(access);
    List<RemoteCalendar> calendars = new ArrayList<>();
    String pageToken = null;
    do {
      CalendarList page = client.calendarList(token, pageToken);
      for (CalendarListEntry entry : items(page.items())) {
        calendars.add(
            new RemoteCalendar(
                entry.id(),
                entry.summaryOverride() != null ? entry.summaryOverride() : entry.summary(),
                entry.timeZone(),
                entry.accessRole(),
                Boolean.TRUE.equals(entry.primary())));
      }
      pageToken = page.nextPageToken();
    } while (pageToken != null);
    return calendars;
  }

  @Override
  public EventPage events(ProviderAccess access, EventQuery query) {
    Events page = client.events(accessToken(access), query);
    ZoneId calendarZone = GoogleEventMapping.calendarZone(page.timeZone());
    List<RemoteEvent> events = new ArrayList<>();
    int skipped = 0;
    for (Event event : items(page.items())) {
      Optional<RemoteEvent> mapped = GoogleEventMapping.map(event, calendarZone);
      if (mapped.isPresent()) {
        events.add(mapped.get());
      } else {
        skipped++;
        LOG.debugf(
            "Google event %s of calendar %s has no usable start and end, skipped",
            event.id(), query.calendarExternalId());
      }
    }
    if (skipped > 0) {
      LOG.warnf(
          "%d Google event(s) of calendar %s without a start and end, or ending before they"
              + " start, skipped",
          skipped, query.calendarExternalId());
    }
    return new EventPage(events, page.nextPageToken(), page.nextSyncToken(), false, false);
  }

  private static String accessToken(ProviderAccess access) {
    if (access instanceof ProviderAccess.OAuth(String accessToken)) {
      return accessToken;
    }
    throw new IllegalArgumentException("Google Calendar needs OAuth access, not " + access);
  }

  private static <T> List<T> items(List<T> items) {
    return items == null ? List.of() : items;
  }
}
