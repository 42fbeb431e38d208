package dev.nightshift.inbox.matching.score;

import dev.nightshift.contracts.transactions.MatchCandidate;
import java.math.BigDecimal;

/**
 * Candidates always carry the document's figure (the candidate query asks for it exactly), so what
 * is left to score is whether it is in the same currency. Nightshift knows no exchange rates: the
 * same figure in another currency is a coincidence, not a conversion, so it scores 0 on both
 * criteria (and {@link Scorer} lowers its total further). A document that names no currency scores
 * 0.5 on currency.
 */
final class AmountAndCurrency {

  private AmountAndCurrency() {}

  static Criterion amount(MatchDocument document, MatchCandidate candidate) {
    var figure = format(document.amount());
    if (document.currency() == null) {
      return new Criterion(1, "same amount " + figure + " (the document names no currency)");
    }
    if (document.currency().equals(candidate.currency())) {
      return new Criterion(1, "same amount " + figure + " " + document.currency());
    }
    return new Criterion(
        0,
        "same figure "
            + figure
            + " but in "
            + candidate.currency()
            + ", the document says "
            + document.currency());
  }

  static double currency(MatchDocument document, MatchCandidate candidate) {
    if (document.currency() == null) {
      return 0.5;
    }
    return document.currency().equals(candidate.currency()) ? 1 : 0;
  }

  /** At least two decimals, more only when the document has them: 120.00, 0.125. */
  static String format(BigDecimal amount) {
    var plain = amount.stripTrailingZeros();
    return (plain.scale() < 2 ? plain.setScale(2) : plain).toPlainString();
  }
}
