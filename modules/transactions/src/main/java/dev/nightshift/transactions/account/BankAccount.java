package dev.nightshift.transactions.account;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/** An account of a connection; only enabled accounts sync. */
public record BankAccount(
    UUID id,
    UUID teamId,
    UUID connectionId,
    String providerAccountId,
    String name,
    String type,
    String currency,
    BigDecimal balance,
    BigDecimal availableBalance,
    boolean enabled,
    Instant createdAt) {}
