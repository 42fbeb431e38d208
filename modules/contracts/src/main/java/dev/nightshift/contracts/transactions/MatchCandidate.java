package dev.nightshift.contracts.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transaction as the inbox sees it when it looks for a document's payment.
 *
 * @param amount signed: negative is money out of the account
 */
public record MatchCandidate(
    UUID id,
    UUID teamId,
    LocalDate date,
    BigDecimal amount,
    String currency,
    String name,
    String merchant,
    String counterparty,
    String description) {}
