package dev.nightshift.inbox.extraction.einvoice;

/** Which e-invoice standard a document follows; its label ends the fields' source. */
enum Flavour {
  /** ZUGFeRD 1.0: its own CII draft, embedded as ZUGFeRD-invoice.xml. */
  ZUGFERD_1("zugferd-1"),
  /** ZUGFeRD 2.0, embedded as zugferd-invoice.xml. */
  ZUGFERD_2("zugferd-2"),
  /** Factur-X, which ZUGFeRD 2.1 and later are too, embedded as factur-x.xml. */
  FACTUR_X("factur-x"),
  /** UN/CEFACT CII D16B as a file of its own. */
  CII("cii"),
  /** XRechnung in CII syntax, as a file or embedded in a PDF. */
  XRECHNUNG_CII("xrechnung-cii"),
  /** OASIS UBL 2.1 Invoice or CreditNote. */
  UBL("ubl"),
  /** XRechnung in UBL syntax. */
  XRECHNUNG_UBL("xrechnung-ubl");

  private final String label;

  Flavour(String label) {
    this.label = label;
  }

  String source() {
    return "e-invoice:" + label;
  }
}
