package dev.nightshift.inbox.extraction.text.vocabulary;

/** What a word or label on a document announces. */
public enum Term {
  /** Labels of the payable total that nothing else uses: "Amount due", "Zu zahlen". */
  STRONG_TOTAL,
  /** Bare total labels, which tables and summaries also use: "Total", "Summe". */
  TOTAL,
  /** Marks a line as not the payable total: subtotals, net amounts, cash handed over, change. */
  NOT_TOTAL,
  /** Marks a total or tax line as tax-inclusive: "incl.", "TTC". */
  INCLUSIVE,
  TAX,
  /** Tax registration numbers, whose lines carry no tax amount: "VAT no", "USt-IdNr". */
  TAX_ID,
  INVOICE_DATE,
  DUE_DATE,
  /** Dates that are neither the invoice date nor the due date: delivery, order, period. */
  OTHER_DATE,
  INVOICE_NUMBER,
  /** Introduces the issuer: "From:", "Von:". Matched only at the start of a line. */
  FROM,
  /** Introduces the customer's block, which is not the vendor: "Bill to", "Rechnungsempfänger". */
  CUSTOMER,
  INVOICE_WORD,
  RECEIPT_WORD,
  /** Documents that look like invoices but are not to be matched: quotes, delivery notes. */
  OTHER_WORD
}
