package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.provider.ProviderName;
import java.time.Instant;
import java.util.UUID;

/**
 * A connection to a provider, without its secrets (they stay sealed in {@link ConnectionStore}).
 *
 * @param name the Google account's e-mail address or the ICS feed's label
 * @param tokenExpiresAt when the stored OAuth access token expires (google only)
 * @param deactivatedReason why the provider refused it, when {@code active} is false
 */
public record CalendarConnection(
    UUID id,
    UUID teamId,
    ProviderName provider,
    String name,
    Instant tokenExpiresAt,
    boolean active,
    String deactivatedReason,
    Instant createdAt,
    Instant updatedAt) {}
