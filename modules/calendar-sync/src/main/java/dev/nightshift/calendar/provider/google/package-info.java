/**
 * Google Calendar as a {@link dev.nightshift.calendar.provider.CalendarProvider}: Calendar API v3
 * over a Quarkus REST client ({@link
 * dev.nightshift.calendar.provider.google.GoogleCalendarClient}), OAuth token refresh ({@link
 * dev.nightshift.calendar.provider.google.GoogleOAuthTokens}) and the decision when to refresh
 * ({@link dev.nightshift.calendar.provider.google.GoogleAccess}). Settings under {@code
 * nightshift.calendar.google.*}. Nothing here touches the database.
 */
package dev.nightshift.calendar.provider.google;
