package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.math.BigDecimal;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The payable total: the amount after a total label on a line that is not a subtotal, a net amount,
 * a tax line or cash handed over. A strong label ("Amount due") beats a bare one ("Total"); among
 * equals the last wins, as the payable total closes the summary. Without any, the largest amount.
 */
final class TotalFinder {

  /** The total and the line it was read from, whose currency is the total's. */
  record Total(Extracted<BigDecimal> amount, int line) {}

  private static final double STRONG = 0.9;
  private static final double BARE = 0.8;
  private static final double NEXT_LINE_PENALTY = 0.1;
  private static final double LARGEST = 0.5;

  private final Labels labels = Labels.ALL;

  Optional<Total> find(List<String> lines, Provenance provenance) {
    Candidate best = null;
    for (int i = 0; i < lines.size(); i++) {
      Candidate candidate = candidate(lines, i);
      if (candidate != null && (best == null || candidate.confidence >= best.confidence)) {
        best = candidate;
      }
    }
    if (best != null) {
      return Optional.of(
          new Total(provenance.found(best.value, best.rule, best.confidence), best.line));
    }
    return largest(lines, provenance);
  }

  private record Candidate(BigDecimal value, int line, String rule, double confidence) {}

  private Candidate candidate(List<String> lines, int i) {
    String line = lines.get(i);
    var strong = labels.first(Term.STRONG_TOTAL, line);
    var label = strong.or(() -> labels.first(Term.TOTAL, line));
    if (label.isEmpty() || !isTotalLine(line)) {
      return null;
    }
    double confidence = strong.isPresent() ? STRONG : BARE;
    String rest = line.substring(label.get().end());
    List<Amount> amounts = Amounts.in(rest);
    if (!amounts.isEmpty()) {
      return new Candidate(amounts.getLast().value(), i, "total-label", confidence);
    }
    // A label alone on its line, its amount below it, as in two-row tables.
    if (isBare(rest) && i + 1 < lines.size()) {
      String next = lines.get(i + 1);
      List<Amount> below = Amounts.in(next);
      if (!below.isEmpty() && isTotalLine(next)) {
        return new Candidate(
            below.getFirst().value(), i + 1, "total-label", confidence - NEXT_LINE_PENALTY);
      }
    }
    return null;
  }

  private boolean isTotalLine(String line) {
    if (labels.has(Term.NOT_TOTAL, line) || labels.has(Term.TAX_ID, line)) {
      return false;
    }
    return !labels.has(Term.TAX, line) || labels.has(Term.INCLUSIVE, line);
  }

  private static boolean isBare(String rest) {
    return rest.chars().noneMatch(Character::isLetterOrDigit);
  }

  private Optional<Total> largest(List<String> lines, Provenance provenance) {
    Candidate best = null;
    for (int i = 0; i < lines.size(); i++) {
      String line = lines.get(i);
      if (labels.has(Term.NOT_TOTAL, line) || labels.has(Term.TAX_ID, line)) {
        continue;
      }
      int index = i;
      var max =
          Amounts.in(line).stream()
              .map(Amount::value)
              .max(Comparator.naturalOrder())
              .filter(value -> value.signum() > 0);
      if (max.isPresent() && (best == null || max.get().compareTo(best.value) > 0)) {
        best = new Candidate(max.get(), index, "largest-amount", LARGEST);
      }
    }
    return Optional.ofNullable(best)
        .map(b -> new Total(provenance.found(b.value, b.rule, b.confidence), b.line));
  }
}
