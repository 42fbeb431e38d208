package dev.nightshift.inbox.matching.score;

import dev.nightshift.contracts.transactions.MatchCandidate;

/**
 * Scores a candidate transaction against a document: a weighted mean of amount (0.4), vendor (0.3),
 * date (0.2) and currency (0.1). The weights make an exact amount in the same currency worth 0.5,
 * so what decides between candidates, and whether one is confident enough to link alone, is the
 * date and the vendor: the same amount on the right day from a vendor of another name is about 0.7,
 * a suggestion; the same with the vendor's name is about 1.0. Pure and thread-safe.
 */
public final class Scorer {

  static final double AMOUNT_WEIGHT = 0.4;
  static final double VENDOR_WEIGHT = 0.3;
  static final double DATE_WEIGHT = 0.2;
  static final double CURRENCY_WEIGHT = 0.1;

  /**
   * The same figure in another currency is a coincidence, not a conversion (Nightshift knows no
   * exchange rates): such a candidate scores at most 0.45, below the default suggestion threshold.
   */
  static final double OTHER_CURRENCY_FACTOR = 0.9;

  private final int windowDays;

  /**
   * @param windowDays the matching window: how far the date score falls with distance is measured
   *     in it
   */
  public Scorer(int windowDays) {
    if (windowDays < 1) {
      throw new IllegalArgumentException("the window is at least a day: " + windowDays);
    }
    this.windowDays = windowDays;
  }

  public Score score(MatchDocument document, MatchCandidate candidate) {
    var amount = AmountAndCurrency.amount(document, candidate);
    double currency = AmountAndCurrency.currency(document, candidate);
    var date = DateProximity.score(document, candidate.date(), windowDays);
    var vendor = VendorSimilarity.score(document, candidate);
    double total =
        AMOUNT_WEIGHT * amount.score()
            + VENDOR_WEIGHT * vendor.score()
            + DATE_WEIGHT * date.score()
            + CURRENCY_WEIGHT * currency;
    if (currency == 0) {
      total *= OTHER_CURRENCY_FACTOR;
    }
    return new Score(
        Score.round(total),
        Score.round(amount.score()),
        Score.round(date.score()),
        Score.round(currency),
        Score.round(vendor.score()),
        amount.reason() + "; " + date.reason() + "; " + vendor.reason());
  }
}
