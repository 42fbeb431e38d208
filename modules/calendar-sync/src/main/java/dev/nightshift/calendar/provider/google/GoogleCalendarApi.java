package dev.nightshift.calendar.provider.google;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.jackson.ClientObjectMapper;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import java.util.Map;

/**
 * Google Calendar API v3, as far as Nightshift reads it, with the JSON it answers. Every call takes
 * {@code Authorization: Bearer <access token>}; a null query parameter is not sent. Built by {@link
 * GoogleCalendarClient}; error answers become exceptions in {@link GoogleApiErrors}.
 */
@Path("/calendar/v3")
@Produces(MediaType.APPLICATION_JSON)
public interface GoogleCalendarApi {

  /** Google's resources carry many more fields than Nightshift reads, and add new ones. */
  @ClientObjectMapper
  static ObjectMapper objectMapper(ObjectMapper application) {
    return application.copy().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  /**
   * events.list. Google answers 400 when {@code syncToken} comes with {@code timeMin} or {@code
   * timeMax}, and 410 when it no longer knows the token.
   *
   * @param timeMin RFC 3339 with an offset; exclusive bound on an event's end
   * @param timeMax RFC 3339 with an offset; exclusive bound on an event's start
   */
  @GET
  @Path("/calendars/{calendarId}/events")
  Events events(
      @HeaderParam("Authorization") String bearer,
      @PathParam("calendarId") String calendarId,
      @QueryParam("singleEvents") boolean singleEvents,
      @QueryParam("showDeleted") boolean showDeleted,
      @QueryParam("maxResults") int maxResults,
      @QueryParam("pageToken") String pageToken,
      @QueryParam("syncToken") String syncToken,
      @QueryParam("timeMin") String timeMin,
      @QueryParam("timeMax") String timeMax);

  /** calendarList.list: the calendars on the user's list. */
  @GET
  @Path("/users/me/calendarList")
  CalendarList calendarList(
      @HeaderParam("Authorization") String bearer, @QueryParam("pageToken") String pageToken);

  /**
   * events.watch: Google posts a notification to the channel's address whenever an event of the
   * calendar changes, until the channel expires or is stopped.
   */
  @POST
  @Path("/calendars/{calendarId}/events/watch")
  @Consumes(MediaType.APPLICATION_JSON)
  Channel watch(
      @HeaderParam("Authorization") String bearer,
      @PathParam("calendarId") String calendarId,
      WatchRequest request);

  /** channels.stop: Google answers 204 with no body. */
  @POST
  @Path("/channels/stop")
  @Consumes(MediaType.APPLICATION_JSON)
  void stop(@HeaderParam("Authorization") String bearer, StopRequest request);

  /**
   * @param type always {@code web_hook}
   * @param address the https URL Google posts notifications to
   * @param token echoed by Google in every notification's {@code X-Goog-Channel-Token}
   * @param params {@code ttl}: the channel's wanted lifetime in seconds, as a string
   */
  record WatchRequest(
      String id, String type, String address, String token, Map<String, String> params) {}

  /**
   * A channel Google opened.
   *
   * @param resourceId Google's id of the watched resource, needed to stop the channel
   * @param expiration milliseconds since the epoch, as a string; Google may shorten the asked TTL
   */
  record Channel(
      String kind,
      String id,
      String resourceId,
      String resourceUri,
      String token,
      String expiration) {}

  record StopRequest(String id, String resourceId) {}

  /**
   * One page of events.
   *
   * @param timeZone the calendar's zone, an IANA name
   * @param nextSyncToken only on the last page
   */
  record Events(List<Event> items, String nextPageToken, String nextSyncToken, String timeZone) {}

  /**
   * An event; a cancelled one may carry nothing but {@code id} and {@code status}.
   *
   * @param status confirmed, tentative or cancelled
   * @param updated RFC 3339
   */
  record Event(
      String id,
      String status,
      String summary,
      String description,
      String location,
      EventTime start,
      EventTime end,
      String updated) {}

  /**
   * Either {@code dateTime} (RFC 3339 with an offset) or, for an all-day event, {@code date}
   * (yyyy-mm-dd; an end date is exclusive).
   *
   * @param timeZone an IANA name, or null: the calendar's zone applies
   */
  record EventTime(String date, String dateTime, String timeZone) {}

  record CalendarList(List<CalendarListEntry> items, String nextPageToken) {}

  /**
   * @param summaryOverride the name the user gave the calendar on their list, if any
   * @param accessRole freeBusyReader, reader, writer or owner
   */
  record CalendarListEntry(
      String id,
      String summary,
      String summaryOverride,
      String timeZone,
      String accessRole,
      Boolean primary) {}

  /** Google's error answer: {@code {"error": {"code", "message", "errors": [{"reason"}]}}}. */
  record ErrorBody(Error error) {}

  record Error(int code, String message, List<ErrorItem> errors) {}

  /**
   * @param reason for example rateLimitExceeded, userRateLimitExceeded, authError, forbidden,
   *     notFound, fullSyncRequired
   */
  record ErrorItem(String domain, String reason, String message) {}
}
