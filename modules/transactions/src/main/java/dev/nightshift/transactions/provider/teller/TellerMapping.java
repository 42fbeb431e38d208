package dev.nightshift.transactions.provider.teller;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.CapitalCase;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.teller.TellerApi.Account;
import dev.nightshift.transactions.provider.teller.TellerApi.Balances;
import dev.nightshift.transactions.provider.teller.TellerApi.Counterparty;
import dev.nightshift.transactions.provider.teller.TellerApi.Transaction;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Set;

/** Teller accounts and transactions in the normalised shapes (the README's table). */
final class TellerMapping {

  /** Teller serves US banks only; Midday stores every Teller transaction in dollars. */
  static final String CURRENCY = "USD";

  private static final Set<String> CARD_PAYMENT_TYPES =
      Set.of("payment", "bill_payment", "digital_payment", "ach", "transfer");

  private TellerMapping() {}

  static AccountType type(String tellerType) {
    return "credit".equals(tellerType) ? AccountType.CREDIT : AccountType.DEPOSITORY;
  }

  static ProviderAccount account(Account account, Balances balances) {
    AccountType type = type(account.type());
    BigDecimal ledger = balances == null ? null : balances.ledger();
    return new ProviderAccount(
        account.id(),
        account.name(),
        type,
        account.currency() == null ? CURRENCY : account.currency().toUpperCase(Locale.ROOT),
        // What a card owes is positive, whichever sign the bank gave it.
        type == AccountType.CREDIT && ledger != null ? ledger.abs() : ledger,
        balances == null ? null : balances.available());
  }

  static ProviderTransaction transaction(Transaction source, AccountType accountType) {
    // On a credit account Teller's positive amounts are spending: the opposite of our sign.
    BigDecimal amount =
        accountType == AccountType.CREDIT ? source.amount().negate() : source.amount();
    Counterparty counterparty = source.details() == null ? null : source.details().counterparty();
    String counterpartyName = counterparty == null ? null : CapitalCase.of(counterparty.name());
    String described = CapitalCase.of(source.description());
    String name =
        described != null
            ? described
            : counterpartyName != null ? counterpartyName : "No information";
    return new ProviderTransaction(
        source.id(),
        source.date(),
        amount,
        CURRENCY,
        name,
        counterpartyName != null && !counterpartyName.equals(name) ? counterpartyName : null,
        counterparty != null && "organization".equals(counterparty.type())
            ? counterpartyName
            : null,
        counterpartyName,
        category(source, amount, accountType),
        method(source.type()),
        "posted".equals(source.status()) ? TransactionStatus.POSTED : TransactionStatus.PENDING,
        source.runningBalance());
  }

  static TransactionMethod method(String tellerType) {
    if (tellerType == null) {
      return TransactionMethod.OTHER;
    }
    return switch (tellerType) {
      case "payment", "bill_payment", "digital_payment" -> TransactionMethod.PAYMENT;
      case "card_payment" -> TransactionMethod.CARD_PURCHASE;
      case "atm" -> TransactionMethod.CARD_ATM;
      case "transfer" -> TransactionMethod.TRANSFER;
      case "ach" -> TransactionMethod.ACH;
      case "interest" -> TransactionMethod.INTEREST;
      case "deposit" -> TransactionMethod.DEPOSIT;
      case "wire" -> TransactionMethod.WIRE;
      case "fee" -> TransactionMethod.FEE;
      default -> TransactionMethod.OTHER;
    };
  }

  /**
   * Fees are fees; money in is income, except on a card account, where it pays the card off or is a
   * refund left to the user; money out takes Teller's category.
   *
   * @param amount already in our sign
   */
  static String category(Transaction source, BigDecimal amount, AccountType accountType) {
    if ("fee".equals(source.type())) {
      return "fees";
    }
    String tellerCategory = source.details() == null ? null : source.details().category();
    if (amount.signum() > 0) {
      if (accountType != AccountType.CREDIT || "income".equals(tellerCategory)) {
        return "income";
      }
      return CARD_PAYMENT_TYPES.contains(source.type()) ? "credit-card-payment" : null;
    }
    if (tellerCategory == null) {
      return null;
    }
    return switch (tellerCategory) {
      case "bar", "dining", "groceries" -> "meals";
      case "transport", "transportation", "accommodation", "fuel" -> "travel";
      case "tax" -> "taxes";
      case "office" -> "office-supplies";
      case "phone" -> "internet-and-telephone";
      case "software" -> "software";
      case "entertainment", "sport" -> "activity";
      case "utilities" -> "utilities";
      case "electronics" -> "equipment";
      case "advertising" -> "advertising";
      case "charity" -> "charitable-donations";
      case "education" -> "training";
      case "health" -> "benefits";
      case "insurance" -> "insurance";
      case "home" -> "facilities-expenses";
      case "service" -> "professional-services-fees";
      default -> null;
    };
  }
}
