package dev.nightshift.calendar.provider;

import java.time.Instant;

/**
 * Which events to list. A {@code syncToken} asks for changes since it and then the window is not
 * sent (Google refuses both together); without one, {@code timeMin} and {@code timeMax} bound a
 * full listing. {@code pageToken} continues a listing the previous page left unfinished.
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

  public EventQuery nextPage(String pageToken) {
    return new EventQuery(calendarExternalId, syncToken, pageToken, timeMin, timeMax);
  }

  public boolean incremental() {
    return syncToken != null;
  }
}
