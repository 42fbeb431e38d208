package dev.nightshift.transactions.provider;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * A transaction in the module's normalised shape, whatever the provider.
 *
 * @param id the provider's id, stable from pending to posted where the provider allows
 * @param date the booking date (for pending ones, the transaction date)
 * @param amount signed: negative is money out of the account
 * @param currency ISO 4217, upper case
 * @param name a short label for people: the merchant or counterparty as the bank shows it
 * @param category a category slug ({@code income}, {@code travel}, ...) or null
 * @param balance the account's balance after it, when the provider says
 */
public record ProviderTransaction(
    String id,
    LocalDate date,
    BigDecimal amount,
    String currency,
    String name,
    String description,
    String merchant,
    String counterparty,
    String category,
    TransactionMethod method,
    TransactionStatus status,
    BigDecimal balance) {}
