package dev.nightshift.transactions.transaction;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A stored transaction.
 *
 * @param internalId {@code <provider>:<provider id>}, unique per team
 * @param amount signed: negative is money out
 * @param updatedAt when a sync last changed the provider's data (a note or an export does not)
 * @param note a person's note, null without one
 * @param exportedAt when an export first held it, null until then
 */
public record Transaction(
    UUID id,
    UUID teamId,
    UUID accountId,
    String internalId,
    LocalDate date,
    BigDecimal amount,
    String currency,
    String name,
    String description,
    String merchant,
    String counterparty,
    String category,
    String method,
    String status,
    BigDecimal balance,
    Instant createdAt,
    Instant updatedAt,
    String note,
    Instant exportedAt) {}
