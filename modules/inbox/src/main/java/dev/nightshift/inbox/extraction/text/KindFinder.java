package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.text.vocabulary.Term;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Invoice, receipt or something else, by the first kind word in the text: a title comes first.
 * Where two start at the same place the longer wins ("Factura simplificada" is a receipt). A text
 * with no kind word is OTHER only when it also has no total; with a total the kind is left unknown.
 */
final class KindFinder {

  private static final Map<Term, DocumentKind> KINDS =
      Map.of(
          Term.INVOICE_WORD, DocumentKind.INVOICE,
          Term.RECEIPT_WORD, DocumentKind.RECEIPT,
          Term.OTHER_WORD, DocumentKind.OTHER);
  private static final int TITLE_LINES = 5;
  private static final double IN_TITLE = 0.85;
  private static final double IN_BODY = 0.65;
  private static final double NOTHING_PAYABLE = 0.5;

  private final Labels labels = Labels.ALL;

  Optional<Extracted<DocumentKind>> find(
      List<String> lines, boolean hasTotal, Provenance provenance) {
    for (int i = 0; i < lines.size(); i++) {
      var hit =
          labels
              .findAll(lines.get(i), Term.INVOICE_WORD, Term.RECEIPT_WORD, Term.OTHER_WORD)
              .stream()
              .min(Comparator.comparingInt(Labels.Hit::start));
      if (hit.isPresent()) {
        double confidence = i < TITLE_LINES ? IN_TITLE : IN_BODY;
        return Optional.of(
            provenance.found(KINDS.get(hit.get().term()), "kind-keyword", confidence));
      }
    }
    return hasTotal
        ? Optional.empty()
        : Optional.of(provenance.found(DocumentKind.OTHER, "no-kind-keyword", NOTHING_PAYABLE));
  }
}
