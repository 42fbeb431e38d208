package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The invoice date and the due date. A date belongs to the label before it on its line, or to a
 * label alone on the line above. Without an invoice-date label, the first date that no label claims
 * (not a delivery or order date) is taken for the invoice date, with less confidence.
 */
final class DateFinder {

  /** What was found; either may be null. */
  record Found(Extracted<LocalDate> invoiceDate, Extracted<LocalDate> dueDate) {}

  private static final Term[] DATE_LABELS = {Term.INVOICE_DATE, Term.DUE_DATE, Term.OTHER_DATE};
  private static final double LABELLED = 0.85;
  private static final double UNLABELLED = 0.5;

  private final Labels labels = Labels.ALL;
  private final Dates dates = Dates.ALL;

  Found find(List<String> lines, boolean monthFirst, Provenance provenance) {
    LocalDate invoiceDate = null;
    LocalDate dueDate = null;
    LocalDate firstFree = null;
    Term pending = null;
    for (String line : lines) {
      List<Labels.Hit> hits = labels.findAll(line, DATE_LABELS);
      List<FoundDate> found = dates.in(line, monthFirst);
      for (FoundDate date : found) {
        Term owner = owner(hits, date).orElse(pending);
        if (owner == Term.INVOICE_DATE && invoiceDate == null) {
          invoiceDate = date.date();
        } else if (owner == Term.DUE_DATE && dueDate == null) {
          dueDate = date.date();
        } else if (owner == null && firstFree == null) {
          firstFree = date.date();
        }
        pending = null;
      }
      if (found.isEmpty()) {
        pending = labelAlone(line, hits).orElse(null);
      }
    }
    Extracted<LocalDate> invoice =
        invoiceDate != null
            ? provenance.found(invoiceDate, "invoice-date-label", LABELLED)
            : firstFree != null ? provenance.found(firstFree, "first-date", UNLABELLED) : null;
    Extracted<LocalDate> due =
        dueDate == null ? null : provenance.found(dueDate, "due-date-label", LABELLED);
    return new Found(invoice, due);
  }

  /** The nearest label before the date on its line. */
  private static Optional<Term> owner(List<Labels.Hit> hits, FoundDate date) {
    return hits.stream()
        .filter(hit -> hit.end() <= date.start())
        .reduce((a, b) -> b)
        .map(Labels.Hit::term);
  }

  /** A date label with nothing after it: its date is on the next line. */
  private static Optional<Term> labelAlone(String line, List<Labels.Hit> hits) {
    if (hits.isEmpty()) {
      return Optional.empty();
    }
    Labels.Hit last = hits.getLast();
    boolean alone = line.substring(last.end()).chars().noneMatch(Character::isLetterOrDigit);
    return alone ? Optional.of(last.term()) : Optional.empty();
  }
}
