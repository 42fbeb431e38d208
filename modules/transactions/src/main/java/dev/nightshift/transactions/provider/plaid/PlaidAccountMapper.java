package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Account;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Balances;
import java.math.BigDecimal;
import java.util.Locale;

/** Plaid accounts in the normalised shape; modules/transactions/README.md has the table. */
final class PlaidAccountMapper {

  private PlaidAccountMapper() {}

  static ProviderAccount toAccount(Account account) {
    AccountType type = type(account.type());
    Balances balances = account.balances();
    BigDecimal available = balances == null ? null : balances.available();
    BigDecimal current = balances == null ? null : balances.current();
    // A card's available balance is the credit left, not what the account holds: its current
    // balance, what is owed, is what people expect to see.
    BigDecimal balance = type == AccountType.CREDIT || available == null ? current : available;
    return new ProviderAccount(
        account.accountId(),
        account.name() != null ? account.name() : account.officialName(),
        type,
        balances == null
            ? "USD"
            : currency(balances.isoCurrencyCode(), balances.unofficialCurrencyCode()),
        balance,
        available);
  }

  /** Plaid's {@code investment}, {@code other} and legacy {@code brokerage} are other assets. */
  static AccountType type(String plaidType) {
    if (plaidType == null) {
      return AccountType.OTHER_ASSET;
    }
    return switch (plaidType) {
      case "depository" -> AccountType.DEPOSITORY;
      case "credit" -> AccountType.CREDIT;
      case "loan" -> AccountType.LOAN;
      default -> AccountType.OTHER_ASSET;
    };
  }

  /**
   * The ISO code, else Plaid's unofficial one (crypto, for example), upper case; USD when Plaid
   * gives neither, as Plaid's institutions are mostly American.
   */
  static String currency(String iso, String unofficial) {
    String code = iso != null ? iso : unofficial;
    return code == null ? "USD" : code.toUpperCase(Locale.ROOT);
  }
}
