package dev.nightshift.calendar.calendarlist;

import java.util.UUID;

/**
 * A calendar of a connection. It is synced while {@code enabled} and {@code syncInbound}; with
 * {@code syncDeletes}, its cancelled events (and, for a feed, events gone from it) are deleted.
 *
 * @param externalId the provider's id: Google's calendar id, or {@code feed} for an ICS feed
 */
public record ConnectedCalendar(
    UUID id,
    UUID teamId,
    UUID connectionId,
    String externalId,
    String name,
    String timeZone,
    String accessRole,
    boolean enabled,
    boolean syncInbound,
    boolean syncDeletes) {

  public boolean synced() {
    return enabled && syncInbound;
  }
}
