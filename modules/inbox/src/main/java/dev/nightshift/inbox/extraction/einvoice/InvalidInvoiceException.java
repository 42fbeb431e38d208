package dev.nightshift.inbox.extraction.einvoice;

/** Well-formed XML in an e-invoice syntax whose content Mustang cannot read, such as a bad date. */
final class InvalidInvoiceException extends Exception {

  InvalidInvoiceException(String message, Throwable cause) {
    super(message, cause);
  }
}
