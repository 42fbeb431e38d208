package dev.nightshift.calendar.watch;

import java.time.Instant;
import java.util.UUID;

/**
 * A Google push channel Nightshift opened on one calendar's events.
 *
 * @param id the channel id: the connection id, {@code _}, a random suffix
 * @param resourceId Google's id of the watched resource, which stopping the channel needs
 */
public record WatchChannel(
    String id, UUID connectionId, UUID calendarId, String resourceId, Instant expiresAt) {}
