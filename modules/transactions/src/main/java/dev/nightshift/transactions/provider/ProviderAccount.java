package dev.nightshift.transactions.provider;

import java.math.BigDecimal;

/**
 * An account as the provider reports it.
 *
 * @param id the provider's account id, stable across syncs
 * @param currency ISO 4217, upper case
 * @param balance the current balance (for credit accounts, what is owed), null if unknown
 * @param availableBalance what can be spent, null if unknown
 */
public record ProviderAccount(
    String id,
    String name,
    AccountType type,
    String currency,
    BigDecimal balance,
    BigDecimal availableBalance) {}
