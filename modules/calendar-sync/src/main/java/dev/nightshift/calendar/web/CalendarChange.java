package dev.nightshift.calendar.web;

/**
 * {@code PATCH /api/v1/calendar-connections/{id}/calendars/{calendarId}}: the flags to change;
 * those left out stay.
 */
public record CalendarChange(Boolean enabled, Boolean syncInbound, Boolean syncDeletes) {}
