package dev.nightshift.inbox.matching.web;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.inbox.matching.store.Suggestion;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * A suggestion as the API shows it: the scores, why, its status, and the transaction it proposes.
 *
 * @param transaction null when the transaction no longer exists
 */
public record SuggestionView(
    UUID transactionId,
    BigDecimal score,
    Scores scores,
    String explanation,
    String status,
    String how,
    Instant createdAt,
    Instant updatedAt,
    TransactionView transaction) {

  /** Each criterion, 0 to 1. */
  public record Scores(
      BigDecimal amount, BigDecimal date, BigDecimal currency, BigDecimal vendor) {}

  /**
   * @param amount signed: negative is money out
   */
  public record TransactionView(
      LocalDate date, BigDecimal amount, String currency, String name, String merchant) {}

  static SuggestionView of(Suggestion s, MatchCandidate t) {
    return new SuggestionView(
        s.transactionId(),
        s.score(),
        new Scores(s.amountScore(), s.dateScore(), s.currencyScore(), s.vendorScore()),
        s.explanation(),
        s.status(),
        s.how(),
        s.createdAt(),
        s.updatedAt(),
        t == null
            ? null
            : new TransactionView(t.date(), t.amount(), t.currency(), t.name(), t.merchant()));
  }
}
