package dev.nightshift.platform.apikey;

import java.time.Instant;
import java.util.UUID;

/**
 * A key just issued: the only response that carries the secret. Nightshift keeps its digest alone,
 * so a lost key is revoked and replaced, never recovered.
 */
public record IssuedApiKey(
    UUID id, UUID teamId, String name, String prefix, String key, Instant createdAt) {}
