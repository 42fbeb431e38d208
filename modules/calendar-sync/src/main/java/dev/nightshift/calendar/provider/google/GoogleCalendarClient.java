package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.CalendarList;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Channel;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Events;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.StopRequest;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.WatchRequest;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * The Calendar API calls, each behind its own retry policy ({@link GoogleRetries}). Every method is
 * one logical call: its retries are invisible to the caller, who sees the answer or the last
 * failure.
 */
@ApplicationScoped
public class GoogleCalendarClient {

  private static final String WHAT = "Google Calendar";

  private final GoogleCalendarApi api;
  private final int pageSize;
  private final Guard eventsGuard;
  private final Guard calendarListGuard;
  private final Guard watchGuard;

  GoogleCalendarClient(GoogleCalendarConfig config) {
    this.api =
        GoogleCalls.build(GoogleCalendarApi.class, config.apiUrl(), config, new GoogleApiErrors());
    this.pageSize = config.pageSize();
    this.eventsGuard = GoogleRetries.guard("google events.list", config.retry());
    this.calendarListGuard = GoogleRetries.guard("google calendarList.list", config.retry());
    this.watchGuard = GoogleRetries.guard("google events.watch", config.retry());
  }

  /**
   * One page of events.list, recurring events expanded into instances and deletions included as
   * cancelled events (the only way an incremental listing reports them). The window goes only with
   * a listing that has no sync token: Google refuses the two together.
   */
  public Events events(String accessToken, EventQuery query) {
    boolean window = !query.incremental();
    return eventsGuard.get(
        () ->
            GoogleCalls.attempt(
                WHAT,
                () ->
                    api.events(
                        bearer(accessToken),
                        query.calendarExternalId(),
                        true,
                        true,
                        pageSize,
                        query.pageToken(),
                        query.syncToken(),
                        window ? rfc3339(query.timeMin()) : null,
                        window ? rfc3339(query.timeMax()) : null)),
        Events.class);
  }

  /** One page of calendarList.list; {@code pageToken} null for the first. */
  public CalendarList calendarList(String accessToken, String pageToken) {
    return calendarListGuard.get(
        () -> GoogleCalls.attempt(WHAT, () -> api.calendarList(bearer(accessToken), pageToken)),
        CalendarList.class);
  }

  /** events.watch of one calendar. */
  public Channel watch(String accessToken, String calendarId, WatchRequest request) {
    return watchGuard.get(
        () -> GoogleCalls.attempt(WHAT, () -> api.watch(bearer(accessToken), calendarId, request)),
        Channel.class);
  }

  /**
   * channels.stop, one attempt: stopping is a courtesy (Google ends the channel at its expiry
   * anyway), not worth a caller waiting through retries.
   */
  public void stop(String accessToken, String channelId, String resourceId) {
    GoogleCalls.attempt(
        WHAT,
        () -> {
          api.stop(bearer(accessToken), new StopRequest(channelId, resourceId));
          return null;
        });
  }

  private static String bearer(String accessToken) {
    return "Bearer " + accessToken;
  }

  /** {@link Instant#toString()} is RFC 3339 in UTC ({@code 2026-03-01T00:00:00Z}). */
  private static String rfc3339(Instant instant) {
    return instant == null ? null : instant.toString();
  }
}
