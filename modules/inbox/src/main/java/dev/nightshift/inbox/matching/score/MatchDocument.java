package dev.nightshift.inbox.matching.score;

import dev.nightshift.inbox.extraction.DocumentKind;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/**
 * What matching reads of an inbox item: its extracted fields, as stored on the item.
 *
 * @param kind null when extraction could not tell; matched like an invoice
 * @param amount unsigned, as printed
 */
public record MatchDocument(
    UUID id,
    UUID teamId,
    DocumentKind kind,
    BigDecimal amount,
    String currency,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String invoiceNumber,
    String vendor) {

  /**
   * Whether matching can look for its payment: an invoice or receipt (or a document of unknown
   * kind) with a positive total and a date.
   */
  public boolean isMatchable() {
    return kind != DocumentKind.OTHER
        && amount != null
        && amount.signum() > 0
        && (invoiceDate != null || dueDate != null);
  }

  /** The day the payment is measured from: the invoice date, else the due date. */
  public LocalDate firstDay() {
    return invoiceDate != null ? invoiceDate : dueDate;
  }

  /**
   * The last day the payment is expected on: the due date when it comes after the invoice date.
   * Between the two, a payment is on time.
   */
  public LocalDate lastDay() {
    return dueDate != null && dueDate.isAfter(firstDay()) ? dueDate : firstDay();
  }

  /** A receipt is dated when it was paid, so its payment lies a day or two either side of it. */
  public boolean isReceipt() {
    return kind == DocumentKind.RECEIPT;
  }
}
