package dev.nightshift.calendar.web;

import dev.nightshift.calendar.connection.CalendarConnection;
import java.time.Instant;
import java.util.UUID;

/**
 * A connection as the API shows it: never its tokens or feed address.
 *
 * @param active false once the provider refused the grant; {@code deactivatedReason} says why
 */
public record ConnectionView(
    UUID id,
    UUID teamId,
    String provider,
    String name,
    boolean active,
    String deactivatedReason,
    Instant tokenExpiresAt,
    Instant createdAt,
    Instant updatedAt) {

  static ConnectionView of(CalendarConnection c) {
    return new ConnectionView(
        c.id(),
        c.teamId(),
        c.provider().wire(),
        c.name(),
        c.active(),
        c.deactivatedReason(),
        c.tokenExpiresAt(),
        c.createdAt(),
        c.updatedAt());
  }
}
