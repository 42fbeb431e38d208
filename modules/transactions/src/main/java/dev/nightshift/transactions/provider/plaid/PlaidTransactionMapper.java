package dev.nightshift.transactions.provider.plaid;

import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionPage;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.provider.plaid.PlaidApi.Transaction;
import dev.nightshift.transactions.provider.plaid.PlaidApi.TransactionsSyncResponse;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;

/** Plaid transactions in the normalised shape; modules/transactions/README.md has the table. */
final class PlaidTransactionMapper {

  private PlaidTransactionMapper() {}

  /**
   * One page of {@code /transactions/sync}: added and modified transactions of the account booked
   * on or after {@code since}, one per id. Removed ones are left out: the provider interface has no
   * way to say so, and a posted transaction takes its pending one's id anyway.
   */
  static TransactionPage page(
      TransactionsSyncResponse response, ProviderAccount account, LocalDate since) {
    Map<String, ProviderTransaction> byId = new LinkedHashMap<>();
    Stream.concat(response.added().stream(), response.modified().stream())
        .filter(t -> account.id().equals(t.accountId()))
        .filter(t -> since == null || t.date() == null || !t.date().isBefore(since))
        .map(t -> toTransaction(t, account.type()))
        .forEach(t -> byId.merge(t.id(), t, PlaidTransactionMapper::newer));
    return new TransactionPage(
        new ArrayList<>(byId.values()), response.hasMore() ? response.nextCursor() : null);
  }

  /**
   * A posted transaction is known by the id of the pending one it replaces, when there was one, so
   * that storing it by id overwrites the pending row instead of adding a second row.
   */
  static ProviderTransaction toTransaction(Transaction t, AccountType accountType) {
    String id =
        !t.pending() && t.pendingTransactionId() != null
            ? t.pendingTransactionId()
            : t.transactionId();
    // Plaid: positive is money out. Ours: negative is money out. Credit accounts alike.
    BigDecimal amount = t.amount().negate();
    String name = name(t);
    return new ProviderTransaction(
        id,
        t.date(),
        amount,
        PlaidAccountMapper.currency(t.isoCurrencyCode(), t.unofficialCurrencyCode()),
        name,
        description(t, name),
        t.merchantName(),
        counterparty(t),
        PlaidCategories.category(t, amount, accountType),
        method(t.transactionCode()),
        t.pending() ? TransactionStatus.PENDING : TransactionStatus.POSTED,
        null);
  }

  /** Within one page the posted version of a transaction wins, else the later update. */
  private static ProviderTransaction newer(ProviderTransaction earlier, ProviderTransaction later) {
    return earlier.status() == TransactionStatus.POSTED
            && later.status() == TransactionStatus.PENDING
        ? earlier
        : later;
  }

  private static String name(Transaction t) {
    if (t.name() != null && !t.name().isBlank()) {
      return t.name();
    }
    if (t.merchantName() != null && !t.merchantName().isBlank()) {
      return t.merchantName();
    }
    return t.originalDescription() != null ? capitalCase(t.originalDescription()) : "Unknown";
  }

  /**
   * The bank's raw description when it says more than the name, else the merchant when it differs
   * from the name; null when both repeat the name.
   */
  private static String description(Transaction t, String name) {
    String label = capitalCase(name);
    if (t.originalDescription() != null) {
      String original = capitalCase(t.originalDescription());
      if (!original.isEmpty() && !original.equals(label)) {
        return original;
      }
    }
    if (t.merchantName() != null && !capitalCase(t.merchantName()).equals(label)) {
      return t.merchantName();
    }
    return null;
  }

  private static String counterparty(Transaction t) {
    if (t.counterparties() == null || t.counterparties().isEmpty()) {
      return null;
    }
    String first = t.counterparties().getFirst().name();
    return first == null ? null : capitalCase(first);
  }

  /** From {@code transaction_code}, which only European institutions fill in. */
  static TransactionMethod method(String transactionCode) {
    if (transactionCode == null) {
      return TransactionMethod.OTHER;
    }
    return switch (transactionCode) {
      case "bill payment" -> TransactionMethod.PAYMENT;
      case "purchase" -> TransactionMethod.CARD_PURCHASE;
      case "atm" -> TransactionMethod.CARD_ATM;
      case "transfer" -> TransactionMethod.TRANSFER;
      case "interest" -> TransactionMethod.INTEREST;
      case "bank charge" -> TransactionMethod.FEE;
      default -> TransactionMethod.OTHER;
    };
  }

  /**
   * Words split at punctuation, spaces and case changes, each capitalised: {@code "SQ *BLUE
   * BOTTLE"} becomes {@code "Sq Blue Bottle"}, {@code "PayPal"} {@code "Pay Pal"}.
   */
  static String capitalCase(String text) {
    String split =
        text.replaceAll("([\\p{Ll}\\d])(\\p{Lu})", "$1 $2")
            .replaceAll("(\\p{Lu})(\\p{Lu}\\p{Ll})", "$1 $2");
    List<String> words = new ArrayList<>();
    for (String word : split.split("[^\\p{L}\\d]+")) {
      if (!word.isEmpty()) {
        words.add(
            word.substring(0, 1).toUpperCase(Locale.ROOT)
                + word.substring(1).toLowerCase(Locale.ROOT));
      }
    }
    return String.join(" ", words);
  }
}
