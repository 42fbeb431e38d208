package dev.nightshift.platform.team;

import java.time.Instant;
import java.util.UUID;

/**
 * A customer of the SaaS that Nightshift works for; every resource belongs to exactly one team.
 *
 * @param slug a unique, URL-safe short name (used, for example, in inbox addresses)
 */
public record Team(UUID id, String name, String slug, Instant createdAt) {}
