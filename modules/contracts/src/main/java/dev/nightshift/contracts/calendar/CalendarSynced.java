package dev.nightshift.contracts.calendar;

import java.util.UUID;

/**
 * Published when a connection's calendars were synced: the payload of the event {@value #NAME}, in
 * the transaction that ends the sync's log line.
 *
 * @param type {@code FULL} or {@code INCREMENTAL}
 * @param calendars calendars synced
 * @param inserted events added; {@code updated} events changed; {@code deleted} events removed
 */
public record CalendarSynced(
    UUID teamId,
    UUID connectionId,
    UUID runId,
    String type,
    int calendars,
    int inserted,
    int updated,
    int deleted) {

  public static final String NAME = "calendar.synced";
}
