package dev.nightshift.contracts.transactions;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A transaction as an export writes it.
 *
 * @param amount signed: negative is money out of the account
 * @param status {@code PENDING} or {@code POSTED}
 * @param accountName the bank account's name at the time of reading
 */
public record ExportedTransaction(
    UUID id,
    LocalDate date,
    String name,
    String description,
    BigDecimal amount,
    String currency,
    String counterparty,
    String merchant,
    String category,
    String method,
    String status,
    BigDecimal balance,
    UUID accountId,
    String accountName,
    String note) {}
