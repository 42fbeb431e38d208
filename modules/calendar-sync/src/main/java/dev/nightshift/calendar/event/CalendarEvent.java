package dev.nightshift.calendar.event;

import java.time.Instant;
import java.util.UUID;

/** A stored event, as the API lists it. */
public record CalendarEvent(
    UUID id,
    UUID calendarId,
    String provider,
    String externalCalendarId,
    String externalId,
    String title,
    String description,
    String location,
    Instant start,
    Instant end,
    boolean allDay,
    String timeZone,
    String status,
    boolean locked,
    Instant externalUpdatedAt,
    Instant syncedAt) {}
