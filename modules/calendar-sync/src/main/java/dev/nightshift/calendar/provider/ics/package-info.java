/**
 * ICS feeds (RFC 5545 over HTTP): fetched through the platform's guarded outbound HTTP with
 * conditional requests, parsed and expanded within the sync window with ical4j. See {@link
 * dev.nightshift.calendar.provider.ics.IcsProvider}.
 */
package dev.nightshift.calendar.provider.ics;
