package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The tax amount: a tax line's last amount (not its rate, a percentage). A line that totals the tax
 * ("Total VAT", "Summe MwSt") is taken as it is; otherwise the lines of each rate are added up. Tax
 * registration numbers, net amounts and tax-inclusive totals are not tax lines.
 */
final class TaxFinder {

  private static final double TAX_TOTAL = 0.85;
  private static final double SINGLE = 0.8;
  private static final double SUMMED = 0.7;

  private final Labels labels = Labels.ALL;

  Optional<Extracted<BigDecimal>> find(List<String> lines, Provenance provenance) {
    var amounts = new ArrayList<BigDecimal>();
    BigDecimal taxTotal = null;
    for (String line : lines) {
      var label = labels.first(Term.TAX, line);
      if (label.isEmpty() || !isTaxLine(line)) {
        continue;
      }
      List<Amount> found = Amounts.in(line.substring(label.get().end()));
      if (found.isEmpty()) {
        continue;
      }
      BigDecimal amount = found.getLast().value();
      if (labels.has(Term.TOTAL, line) || labels.has(Term.STRONG_TOTAL, line)) {
        taxTotal = amount;
      }
      amounts.add(amount);
    }
    if (taxTotal != null) {
      return Optional.of(provenance.found(taxTotal, "tax-total-label", TAX_TOTAL));
    }
    if (amounts.isEmpty()) {
      return Optional.empty();
    }
    if (amounts.size() == 1) {
      return Optional.of(provenance.found(amounts.getFirst(), "tax-label", SINGLE));
    }
    BigDecimal sum = amounts.stream().reduce(BigDecimal.ZERO, BigDecimal::add);
    return Optional.of(provenance.found(sum, "tax-labels-summed", SUMMED));
  }

  private boolean isTaxLine(String line) {
    if (labels.has(Term.TAX_ID, line) || labels.has(Term.NOT_TOTAL, line)) {
      return false;
    }
    boolean inclusiveTotal =
        labels.has(Term.INCLUSIVE, line)
            && (labels.has(Term.TOTAL, line) || labels.has(Term.STRONG_TOTAL, line));
    return !inclusiveTotal;
  }
}
