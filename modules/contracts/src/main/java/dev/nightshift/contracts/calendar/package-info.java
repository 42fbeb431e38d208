/** What the calendar-sync module tells other modules. */
package dev.nightshift.contracts.calendar;
