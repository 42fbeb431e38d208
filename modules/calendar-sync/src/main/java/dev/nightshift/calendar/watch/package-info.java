/**
 * Google push channels ("watches") Nightshift opens itself when {@code
 * nightshift.calendar.google.push-url} is set: one per synced calendar, opened after a full sync,
 * renewed before expiry by {@code calendar-renew-channels}, stopped when their calendar or
 * connection goes.
 */
package dev.nightshift.calendar.watch;
