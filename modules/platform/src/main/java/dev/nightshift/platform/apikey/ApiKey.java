package dev.nightshift.platform.apikey;

import java.time.Instant;
import java.util.UUID;

/**
 * A team's API key as listings show it: never the secret, only its first characters.
 *
 * @param prefix the key's first characters, to recognise it
 * @param revokedAt when it stopped working; null while it works
 */
public record ApiKey(
    UUID id, UUID teamId, String name, String prefix, Instant createdAt, Instant revokedAt) {}
