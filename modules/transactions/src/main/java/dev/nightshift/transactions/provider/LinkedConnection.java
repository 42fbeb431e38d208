package dev.nightshift.transactions.provider;

/** A connection the provider accepted: its credentials and the institution behind it. */
public record LinkedConnection(
    Credentials credentials, String institutionId, String institutionName) {}
