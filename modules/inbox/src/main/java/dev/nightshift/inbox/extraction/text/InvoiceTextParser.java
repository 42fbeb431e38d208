package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;

/**
 * Reads an invoice or receipt from plain text, a PDF's text layer or OCR output, by rules: labels
 * of six languages (English, German, French, Spanish, Swedish, Dutch), their number and date
 * formats, and fallbacks with less confidence where no label is found. Each field's source is the
 * parser's source and the rule, such as {@code pdf-text:total-label}.
 *
 * <p>Thread safety: immutable, one instance may parse on many threads.
 */
public final class InvoiceTextParser {

  private final Provenance provenance;
  private final TotalFinder totals = new TotalFinder();
  private final TaxFinder taxes = new TaxFinder();
  private final DateFinder dates = new DateFinder();
  private final InvoiceNumberFinder numbers = new InvoiceNumberFinder();
  private final VendorFinder vendors = new VendorFinder();
  private final KindFinder kinds = new KindFinder();

  /**
   * @param source names the strategy in each field's source: {@code pdf-text}, {@code ocr}
   * @param trust multiplies every confidence: 1 for a text layer, less for OCR, which misreads
   */
  public InvoiceTextParser(String source, double trust) {
    this.provenance = new Provenance(source, trust);
  }

  /** What the text says; {@link Extraction#EMPTY} for a blank text. */
  public Extraction parse(String text) {
    List<String> lines = TextLines.of(text);
    if (lines.isEmpty()) {
      return Extraction.EMPTY;
    }
    String whole = String.join("\n", lines);
    Optional<TotalFinder.Total> total = totals.find(lines, provenance);
    Extracted<String> currency = currency(lines, whole, total);
    boolean monthFirst =
        Labels.ALL.language(lines) == Language.ENGLISH
            && currency != null
            && currency.value().equals("USD");
    DateFinder.Found found = dates.find(lines, monthFirst, provenance);
    Extracted<BigDecimal> amount = total.map(TotalFinder.Total::amount).orElse(null);
    return new Extraction(
        kinds.find(lines, amount != null, provenance).orElse(null),
        amount,
        currency,
        found.invoiceDate(),
        found.dueDate(),
        numbers.find(lines, provenance).orElse(null),
        vendors.find(lines, provenance).orElse(null),
        taxes.find(lines, provenance).orElse(null));
  }

  /** The total's line names its currency; otherwise the currency the document names most. */
  private Extracted<String> currency(
      List<String> lines, String whole, Optional<TotalFinder.Total> total) {
    var onTotalLine = total.flatMap(t -> Currencies.on(lines.get(t.line()), whole));
    if (onTotalLine.isPresent()) {
      var found = onTotalLine.get();
      return found.written()
          ? provenance.found(found.code(), "currency-code", 0.9)
          : provenance.found(found.code(), "currency-symbol", 0.85);
    }
    return Currencies.mostFrequent(whole)
        .map(
            found ->
                found.written()
                    ? provenance.found(found.code(), "currency-code-in-text", 0.75)
                    : provenance.found(found.code(), "currency-symbol-in-text", 0.7))
        .orElse(null);
  }
}
