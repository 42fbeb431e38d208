package dev.nightshift.transactions.provider.gocardless;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.CapitalCase;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Account;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Amount;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Balance;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.Transaction;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/** GoCardless accounts and transactions in the normalised shapes (the README's table). */
final class GoCardlessMapping {

  /** Which balance is the account's balance, best first; with none of them, the first one. */
  static final List<String> BALANCE_PREFERENCE =
      List.of("interimBooked", "closingBooked", "interimAvailable", "expected");

  /** Which balance is what can be spent, best first. */
  static final List<String> AVAILABLE_PREFERENCE = List.of("interimAvailable", "expected");

  /** ISO 4217's code for "no currency": the bank did not say. */
  static final String UNKNOWN_CURRENCY = "XXX";

  private GoCardlessMapping() {}

  static ProviderAccount account(String id, Account details, List<Balance> balances) {
    Balance balance = first(balances, BALANCE_PREFERENCE);
    if (balance == null && balances != null && !balances.isEmpty()) {
      balance = balances.getFirst();
    }
    Balance available = first(balances, AVAILABLE_PREFERENCE);
    AccountType type = type(details.cashAccountType());
    String currency =
        Stream.of(details.currency(), balance == null ? null : balance.balanceAmount().currency())
            .filter(Objects::nonNull)
            .findFirst()
            .orElse(UNKNOWN_CURRENCY)
            .toUpperCase(Locale.ROOT);
    return new ProviderAccount(
        id,
        accountName(id, details),
        type,
        currency,
        owed(type, balance == null ? null : balance.balanceAmount().amount()),
        available == null ? null : available.balanceAmount().amount());
  }

  static AccountType type(String cashAccountType) {
    if (cashAccountType == null) {
      return AccountType.DEPOSITORY;
    }
    return switch (cashAccountType) {
      case "CARD" -> AccountType.CREDIT;
      case "LOAN" -> AccountType.LOAN;
      default -> AccountType.DEPOSITORY;
    };
  }

  /**
   * The transaction, or null when the bank sent neither a booking nor a value date: without a date
   * it cannot be stored.
   */
  static ProviderTransaction transaction(
      Transaction source, TransactionStatus status, AccountType accountType) {
    LocalDate date = source.bookingDate() != null ? source.bookingDate() : source.valueDate();
    if (date == null) {
      return null;
    }
    BigDecimal amount = source.transactionAmount().amount();
    String name = name(source);
    return new ProviderTransaction(
        id(source),
        date,
        amount,
        source.transactionAmount().currency().toUpperCase(Locale.ROOT),
        name,
        description(source, name),
        null,
        counterparty(source),
        category(amount, source.proprietaryBankTransactionCode(), accountType),
        method(source.proprietaryBankTransactionCode()),
        status,
        balanceAfter(source));
  }

  /**
   * {@code internalTransactionId}, GoCardless's own stable id, else the bank's {@code
   * transactionId}; some banks send neither for pending entries, which then get a hash of what
   * identifies them, stable while they stay the same.
   */
  static String id(Transaction source) {
    if (source.internalTransactionId() != null) {
      return source.internalTransactionId();
    }
    if (source.transactionId() != null) {
      return source.transactionId();
    }
    String key =
        String.join(
            "|",
            String.valueOf(source.bookingDate()),
            String.valueOf(source.valueDate()),
            source.transactionAmount().amount().toPlainString(),
            source.transactionAmount().currency(),
            String.valueOf(source.creditorName()),
            String.valueOf(source.debtorName()),
            String.valueOf(source.remittanceInformationUnstructured()),
            String.valueOf(source.remittanceInformationUnstructuredArray()));
    return "h_" + sha256(key).substring(0, 32);
  }

  static String name(Transaction source) {
    List<String> array = source.remittanceInformationUnstructuredArray();
    return Stream.of(
            source.creditorName(),
            source.debtorName(),
            source.additionalInformation(),
            source.remittanceInformationStructured(),
            source.remittanceInformationUnstructured(),
            array == null || array.isEmpty() ? null : array.getFirst(),
            source.proprietaryBankTransactionCode())
        .map(CapitalCase::of)
        .filter(Objects::nonNull)
        .findFirst()
        .orElse("No information");
  }

  /** The remittance lines, else the additional information; neither when it repeats the name. */
  static String description(Transaction source, String name) {
    List<String> array = source.remittanceInformationUnstructuredArray();
    if (array != null && !array.isEmpty()) {
      String joined = CapitalCase.of(String.join(" ", array));
      if (joined != null && !joined.equals(name)) {
        return joined;
      }
    }
    String additional = CapitalCase.of(source.additionalInformation());
    return additional != null && !additional.equals(name) ? additional : null;
  }

  static String counterparty(Transaction source) {
    return CapitalCase.of(
        source.debtorName() != null ? source.debtorName() : source.creditorName());
  }

  /**
   * Money in is income, except on a card account, where it pays the card off ({@code Transfer} or
   * {@code Payment}) or is a refund, left to the user.
   */
  static String category(BigDecimal amount, String code, AccountType accountType) {
    if (amount.signum() <= 0) {
      return null;
    }
    if (accountType == AccountType.CREDIT) {
      return "Transfer".equals(code) || "Payment".equals(code) ? "credit-card-payment" : null;
    }
    return "income";
  }

  /** From {@code proprietaryBankTransactionCode}, which only some banks fill. */
  static TransactionMethod method(String code) {
    if (code == null) {
      return TransactionMethod.OTHER;
    }
    return switch (code) {
      case "Payment", "Bankgiro payment", "Incoming foreign payment" -> TransactionMethod.PAYMENT;
      case "Card purchase", "Card foreign purchase" -> TransactionMethod.CARD_PURCHASE;
      case "Card ATM" -> TransactionMethod.CARD_ATM;
      case "Transfer" -> TransactionMethod.TRANSFER;
      default -> TransactionMethod.OTHER;
    };
  }

  private static BigDecimal balanceAfter(Transaction source) {
    Amount after =
        source.balanceAfterTransaction() == null
            ? null
            : source.balanceAfterTransaction().balanceAmount();
    return after == null ? null : after.amount();
  }

  private static String accountName(String id, Account details) {
    return Stream.of(CapitalCase.of(details.name()), details.product(), details.iban())
        .filter(name -> name != null && !name.isBlank())
        .findFirst()
        .orElse(id);
  }

  /** Banks report card debt as a negative balance; the SPI wants what is owed, positive. */
  private static BigDecimal owed(AccountType type, BigDecimal balance) {
    return type == AccountType.CREDIT && balance != null ? balance.abs() : balance;
  }

  private static Balance first(List<Balance> balances, List<String> preference) {
    if (balances == null) {
      return null;
    }
    for (String type : preference) {
      for (Balance balance : balances) {
        if (type.equals(balance.balanceType()) && balance.balanceAmount() != null) {
          return balance;
        }
      }
    }
    return null;
  }

  private static String sha256(String text) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException impossible) {
      throw new IllegalStateException("every Java platform has SHA-256", impossible);
    }
  }
}
