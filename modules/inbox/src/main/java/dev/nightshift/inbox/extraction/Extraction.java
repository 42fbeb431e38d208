package dev.nightshift.inbox.extraction;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * What a document says, field by field; a field an extractor did not find is null. Amounts are
 * unsigned, as printed on the document; the currency is an ISO 4217 code.
 */
public record Extraction(
    Extracted<DocumentKind> kind,
    Extracted<BigDecimal> total,
    Extracted<String> currency,
    Extracted<LocalDate> invoiceDate,
    Extracted<LocalDate> dueDate,
    Extracted<String> invoiceNumber,
    Extracted<String> vendor,
    Extracted<BigDecimal> taxAmount) {

  public static final Extraction EMPTY =
      new Extraction(null, null, null, null, null, null, null, null);

  /** Field by field, the more confident finding of the two. */
  public Extraction merge(Extraction other) {
    return new Extraction(
        Extracted.better(kind, other.kind),
        Extracted.better(total, other.total),
        Extracted.better(currency, other.currency),
        Extracted.better(invoiceDate, other.invoiceDate),
        Extracted.better(dueDate, other.dueDate),
        Extracted.better(invoiceNumber, other.invoiceNumber),
        Extracted.better(vendor, other.vendor),
        Extracted.better(taxAmount, other.taxAmount));
  }

  /**
   * Enough to match the document to a transaction: its total, currency and a date. Later strategies
   * in the chain (OCR, cloud extractors) are skipped once a document is complete.
   */
  // Derived, not a field: a step's stored extraction is read back strictly, unknown fields refused.
  @JsonIgnore
  public boolean isComplete() {
    return total != null && currency != null && (invoiceDate != null || dueDate != null);
  }

  @JsonIgnore
  public boolean isEmpty() {
    return equals(EMPTY);
  }
}
