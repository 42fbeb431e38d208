/**
 * Google Calendar as a {@link dev.nightshift.calendar.provider.CalendarProvider}: Calendar API v3
 * over a Quarkus REST client ({@link dev.nightshift.calendar.provider.google.GoogleCalendarClient})
 * and OAuth token refresh ({@link dev.nightshift.calendar.provider.google.GoogleOAuthTokens}); when
 * to refresh is the sync's decision ({@code connection.ProviderSession}). Settings under {@code
 * nightshift.calendar.google.*}. Nothing here touches the database.
 */
package dev.nightshift.calendar.provider.google;
