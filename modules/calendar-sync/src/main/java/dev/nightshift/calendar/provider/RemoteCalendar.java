package dev.nightshift.calendar.provider;

/** A calendar as the provider lists it; {@code timeZone} and {@code accessRole} may be null. */
public record RemoteCalendar(
    String externalId, String name, String timeZone, String accessRole, boolean primary) {}
