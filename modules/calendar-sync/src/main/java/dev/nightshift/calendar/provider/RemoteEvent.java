package dev.nightshift.calendar.provider;

import java.time.Instant;

/**
 * An event as the provider reports it. A cancelled event carries only its id: the sync deletes it.
 * All-day events start and end at midnight in {@code timeZone} (the calendar's, when the event has
 * none), end exclusive.
 */
public record RemoteEvent(
    String externalId,
    boolean cancelled,
    String title,
    String description,
    String location,
    Instant start,
    Instant end,
    boolean allDay,
    String timeZone,
    Status status,
    Instant updated) {

  public enum Status {
    CONFIRMED,
    TENTATIVE
  }

  public static RemoteEvent cancelled(String externalId) {
    return new RemoteEvent(externalId, true, null, null, null, null, null, false, null, null, null);
  }
}
