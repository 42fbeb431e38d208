package dev.nightshift.calendar.web;

import java.util.UUID;

/**
 * {@code POST /api/v1/calendar-connections/{id}/sync}.
 *
 * @param type {@code incremental} (default) or {@code full}
 * @param calendarId full only: sync this calendar of the connection instead of all
 */
public record SyncRequest(String type, UUID calendarId) {}
