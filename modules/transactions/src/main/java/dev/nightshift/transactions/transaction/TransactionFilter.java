package dev.nightshift.transactions.transaction;

import java.time.LocalDate;
import java.util.UUID;

/**
 * What a transaction list asks for; null fields do not filter.
 *
 * @param from booked on or after, {@code to} on or before
 * @param text in the name, description, merchant or counterparty, case-insensitive
 * @param exported true: only transactions an export has held; false: only those none has
 * @param after the cursor: the last transaction of the previous page
 */
public record TransactionFilter(
    UUID teamId,
    UUID accountId,
    LocalDate from,
    LocalDate to,
    String status,
    String text,
    Boolean exported,
    TransactionCursor after,
    int limit) {}
