/**
 * The port between the sync tasks and the providers that hold calendars: Google Calendar (OAuth)
 * and ICS feeds. Implementations live in sub-packages and know nothing of the database.
 */
package dev.nightshift.calendar.provider;
