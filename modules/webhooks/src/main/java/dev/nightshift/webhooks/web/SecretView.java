package dev.nightshift.webhooks.web;

import java.time.Instant;

/**
 * The secret that signs now; {@code previousExpiresAt} says until when the one it replaced signs
 * too (null when none does).
 */
public record SecretView(String secret, Instant previousExpiresAt) {}
