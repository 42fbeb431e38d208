package dev.nightshift.webhooks.subscription;

/** A subscription and the secrets that sign its deliveries now. */
public record Signing(Subscription subscription, SigningSecrets secrets) {}
