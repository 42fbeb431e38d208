package dev.nightshift.calendar.provider;

import java.time.Instant;

/**
 * Which events to list. A {@code syncToken} asks for changes since it and then the window is not
 * sent (Google refuses both together); without one, {@code timeMin} and {@code timeMax} bound a
 * full listing. {@code pageToken} continues a listing the previous page left unfinished.
 *
 * <p>An ICS feed has no notion of changes: it is listed whole within the window on every query, so
 * the sync passes the window with the token too ({@link #changesSince(String, String, Instant,
 * Instant)}); Google's client leaves it out when it sends a token.
 */
public record EventQuery(
    String calendarExternalId,
    String syncToken,
    String pageToken,
    Instant timeMin,
    Instant timeMax) {

  public static EventQuery window(String calendarExternalId, Instant timeMin, Instant timeMax) {
    return new EventQuery(calendarExternalId, null, null, timeMin, timeMax);
  }

  public static EventQuery changesSince(String calendarExternalId, String syncToken) {
    return new EventQuery(calendarExternalId, syncToken, null, null, null);
  }

  /** Changes since the token, with the window that a provider without changes lists instead. */
  public static EventQuery changesSince(
      String calendarExternalId, String syncToken, Instant timeMin, Instant timeMax) {
    return new EventQuery(calendarExternalId, syncToken, null, timeMin, timeMax);
  }

  public EventQuery nextPage(String pageToken) {
    return new EventQuery(calendarExternalId, syncToken, pageToken, timeMin, timeMax);
  }

  public boolean incremental() {
    return syncToken != null;
  }
}
