package dev.nightshift.calendar.provider;

import java.util.List;

/**
 * One page of a listing.
 *
 * @param events changed or listed events, cancelled ones included
 * @param nextPageToken non-null while the listing has more pages
 * @param nextSyncToken on the last page: the token to store once its writes have committed
 * @param snapshot true when the pages list every event of the window, so a stored event of this
 *     calendar that they do not name was deleted at the source (an ICS feed); false when absence
 *     says nothing (Google, which reports deletions as cancelled events)
 * @param notModified the source says nothing changed since the token (an ICS feed's 304)
 */
public record EventPage(
    List<RemoteEvent> events,
    String nextPageToken,
    String nextSyncToken,
    boolean snapshot,
    boolean notModified) {

  public EventPage {
    events = List.copyOf(events);
  }

  public boolean last() {
    return nextPageToken == null;
  }

  public static EventPage unchanged(String syncToken) {
    return new EventPage(List.of(), null, syncToken, false, true);
  }
}
