package dev.nightshift.inbox.matching.score;

/**
 * How well a transaction fits a document: a confidence from 0 to 1, the four criteria it weighs
 * (each 0 to 1), and why, in plain words. Every figure is rounded to three decimals, as stored.
 */
public record Score(
    double total, double amount, double date, double currency, double vendor, String explanation) {

  static double round(double value) {
    return Math.round(Math.max(0, Math.min(1, value)) * 1000) / 1000.0;
  }
}
