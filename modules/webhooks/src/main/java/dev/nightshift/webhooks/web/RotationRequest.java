package dev.nightshift.webhooks.web;

import java.time.Duration;

/**
 * A secret rotation: the new secret (generated when left out) and how long the old one keeps
 * signing (ISO-8601, {@code PT24H}; the configured default when left out).
 */
public record RotationRequest(String secret, Duration overlap) {}
