package dev.nightshift.inbox.extraction.einvoice;

import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import org.mustangproject.CalculatedInvoice;
import org.mustangproject.ZUGFeRD.ZUGFeRDInvoiceImporter;

/**
 * Turns e-invoice XML into an {@link Extraction} through Mustang's importer, which reads CII
 * (ZUGFeRD 1 and 2, Factur-X, XRechnung) and UBL (Invoice, CreditNote, XRechnung) by element names.
 * What the document states is taken as it stands: Mustang's check that totals add up to the lines
 * is off, since a rounding quirk in the sender's software must not hide the total.
 */
final class MustangReader {

  /** Read from structured fields; short of 1 because the sender's software can still be wrong. */
  static final double CONFIDENCE = 0.99;

  private MustangReader() {}

  /**
   * @throws InvalidInvoiceException when the XML is an invoice Mustang cannot read
   */
  static Extraction read(byte[] xml, InvoiceXml parsed) throws InvalidInvoiceException {
    CalculatedInvoice invoice = importInvoice(xml);
    String source = parsed.flavour().source();
    BigDecimal grandTotal;
    try {
      grandTotal = firstNonNull(parsed.ublTotal(), invoice.getGrandTotal());
    } catch (NumberFormatException e) {
      throw new InvalidInvoiceException("The invoice total is no amount: " + e.getMessage(), e);
    }
    BigDecimal taxBasis = invoice.getTaxBasis();
    return new Extraction(
        found(DocumentKind.INVOICE, source),
        found(grandTotal, source),
        found(firstNonNull(blankToNull(invoice.getCurrency()), parsed.zugferd1Currency()), source),
        found(localDate(invoice.getIssueDate()), source),
        found(localDate(invoice.getDueDate()), source),
        found(blankToNull(invoice.getNumber()), source),
        found(
            firstNonNull(
                parsed.ublSellerName(),
                invoice.getSender() == null ? null : blankToNull(invoice.getSender().getName())),
            source),
        // BR-CO-15: the total with VAT (BT-112) is the total without VAT (BT-109) plus the VAT
        // (BT-110). Both syntaxes state the first two in the same way; the VAT total they do not.
        found(
            grandTotal == null || taxBasis == null ? null : grandTotal.subtract(taxBasis), source));
  }

  private static CalculatedInvoice importInvoice(byte[] xml) throws InvalidInvoiceException {
    var importer = new ZUGFeRDInvoiceImporter();
    importer.doIgnoreCalculationErrors();
    try {
      importer.setRawXML(xml);
      // Into a CalculatedInvoice, which keeps the document's totals; a plain Invoice drops them.
      var invoice = new CalculatedInvoice();
      importer.extractInto(invoice);
      return invoice;
    } catch (Exception e) {
      // Mustang throws checked and unchecked exceptions alike for one cause: content it cannot
      // read.
      throw new InvalidInvoiceException(e.getMessage() == null ? e.toString() : e.getMessage(), e);
    }
  }

  private static <T> Extracted<T> found(T value, String source) {
    return value == null ? null : new Extracted<>(value, source, CONFIDENCE);
  }

  private static <T> T firstNonNull(T first, T second) {
    return first != null ? first : second;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  /** Mustang parses dates at midnight in the default time zone; back in that zone is the date. */
  private static LocalDate localDate(Date date) {
    return date == null ? null : date.toInstant().atZone(ZoneId.systemDefault()).toLocalDate();
  }
}
