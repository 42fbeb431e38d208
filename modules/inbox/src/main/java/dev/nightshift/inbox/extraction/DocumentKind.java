package dev.nightshift.inbox.extraction;

/** What sort of document it is: only invoices and receipts are matched to transactions. */
public enum DocumentKind {
  INVOICE,
  RECEIPT,
  OTHER
}
