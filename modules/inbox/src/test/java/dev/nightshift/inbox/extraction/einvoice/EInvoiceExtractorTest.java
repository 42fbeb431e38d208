package dev.nightshift.inbox.extraction.einvoice;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.TestPdfs;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.mustangproject.EStandard;

/** {@link EInvoiceExtractor} on e-invoices written by Mustang's exporters and on UBL samples. */
class EInvoiceExtractorTest {

  private final EInvoiceExtractor extractor = new EInvoiceExtractor();

  @ParameterizedTest(name = "{0} version {1}, profile {2}: {3}")
  @CsvSource({
    "facturx, 2, EN16931, e-invoice:factur-x",
    "zugferd, 2, EN16931, e-invoice:factur-x",
    "facturx, 2, XRECHNUNG, e-invoice:xrechnung-cii",
  })
  void readsTheInvoiceAttachedToAHybridPdf(
      EStandard standard, int version, String profile, String source) throws Exception {
    byte[] pdf = MustangInvoices.hybridPdf(standard, version, profile);

    Extraction extraction = extractor.extract(pdf("rechnung.pdf", pdf));

    assertMustangInvoice(extraction, source);
  }

  @Test
  void tellsZugferd20ByItsAttachmentsName() throws Exception {
    byte[] pdf =
        MustangInvoices.pdfWithAttachment("zugferd-invoice.xml", MustangInvoices.ciiXml("EN16931"));

    assertMustangInvoice(extractor.extract(pdf("rechnung.pdf", pdf)), "e-invoice:zugferd-2");
  }

  @Test
  void readsCiiXml() throws Exception {
    Extraction extraction =
        extractor.extract(xml("invoice.xml", MustangInvoices.ciiXml("EN16931")));

    assertMustangInvoice(extraction, "e-invoice:cii");
  }

  @Test
  void readsXRechnungInCiiSyntax() throws Exception {
    Extraction extraction =
        extractor.extract(xml("xrechnung.xml", MustangInvoices.ciiXml("XRECHNUNG")));

    assertMustangInvoice(extraction, "e-invoice:xrechnung-cii");
  }

  @Test
  void readsZugferd1() throws Exception {
    byte[] pdf = MustangInvoices.hybridPdf(EStandard.zugferd, 1, "COMFORT");

    assertZugferd1Invoice(extractor.extract(pdf("rechnung.pdf", pdf)));
    assertZugferd1Invoice(
        extractor.extract(xml("ZUGFeRD-invoice.xml", MustangInvoices.zugferd1Xml())));
  }

  /** Mustang's ZUGFeRD 1 writer leaves out the due date. */
  private static void assertZugferd1Invoice(Extraction extraction) {
    assertMustangInvoice(extraction, "e-invoice:zugferd-1", null);
  }

  @Test
  void readsUblInvoice() throws Exception {
    Extraction extraction = extractor.extract(xml("ubl-invoice.xml", resource("ubl-invoice.xml")));

    assertThat(extraction.kind().value(), is(DocumentKind.INVOICE));
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("1584.00")));
    assertThat(extraction.currency().value(), is("GBP"));
    assertThat(extraction.invoiceDate().value(), is(LocalDate.of(2026, 10, 14)));
    assertThat(extraction.dueDate().value(), is(LocalDate.of(2026, 11, 13)));
    assertThat(extraction.invoiceNumber().value(), is("TOSL-2026-1108"));
    assertThat(extraction.vendor().value(), is("Harbour Seating Ltd"));
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("264.00")));
    assertSources(extraction, "e-invoice:ubl");
  }

  @Test
  void readsXRechnungInUblSyntaxAndTakesTheGrandTotalNotTheAmountDue() throws Exception {
    Extraction extraction =
        extractor.extract(xml("xrechnung.xml", resource("xrechnung-ubl-invoice.xml")));

    // 100.00 was prepaid: 459.30 is due, the invoice's total is 559.30.
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("559.30")));
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("89.30")));
    assertThat(extraction.currency().value(), is("EUR"));
    assertThat(extraction.invoiceDate().value(), is(LocalDate.of(2026, 9, 30)));
    assertThat(extraction.dueDate().value(), is(LocalDate.of(2026, 10, 14)));
    assertThat(extraction.invoiceNumber().value(), is("2026-00517"));
    assertThat(extraction.vendor().value(), is("Elbtechnik Service GmbH"));
    assertSources(extraction, "e-invoice:xrechnung-ubl");
  }

  @Test
  void readsUblCreditNote() throws Exception {
    Extraction extraction = extractor.extract(xml("credit.xml", resource("ubl-credit-note.xml")));

    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("240.00")));
    assertThat(extraction.invoiceNumber().value(), is("CN-2026-014"));
    assertThat(extraction.invoiceDate().value(), is(LocalDate.of(2026, 10, 20)));
    assertThat(extraction.dueDate(), is(nullValue()));
    assertSources(extraction, "e-invoice:ubl");
  }

  @Test
  void malformedXmlIsUnreadableAndSaysWhere() {
    var thrown =
        assertThrows(
            UnreadableDocumentException.class,
            () -> extractor.extract(xml("broken.xml", resource("malformed-invoice.xml"))));

    assertThat(
        thrown.getMessage(), allOf(containsString("Malformed XML"), containsString("line 7")));
  }

  @Test
  void aDoctypeIsRefusedSoNoEntityIsResolved() {
    var thrown =
        assertThrows(
            UnreadableDocumentException.class,
            () -> extractor.extract(xml("xxe.xml", resource("xxe-invoice.xml"))));

    assertThat(thrown.getMessage(), containsString("DOCTYPE"));
  }

  @Test
  void xmlThatIsNoInvoiceGivesNothing() throws Exception {
    assertThat(
        extractor.extract(xml("order.xml", resource("not-an-invoice.xml"))), is(Extraction.EMPTY));
  }

  @Test
  void aPdfWithoutAnAttachedInvoiceGivesNothingQuickly() throws Exception {
    Document plain = pdf("scan.pdf", TestPdfs.withText("Invoice 17, total 99.00 EUR"));
    extractor.extract(plain);

    long start = System.nanoTime();
    Extraction extraction = extractor.extract(plain);
    long millis = (System.nanoTime() - start) / 1_000_000;

    assertThat(extraction, is(Extraction.EMPTY));
    assertThat(millis, lessThan(200L));
  }

  @Test
  void aPdfWhoseAttachmentIsBrokenIsLeftToTheTextLayer() throws Exception {
    byte[] broken =
        MustangInvoices.pdfWithAttachment(
            "factur-x.xml", "<rsm:CrossIndustryInvoice".getBytes(StandardCharsets.UTF_8));

    assertThat(extractor.extract(pdf("rechnung.pdf", broken)), is(Extraction.EMPTY));
  }

  @Test
  void aCorruptPdfIsUnreadable() {
    byte[] corrupt = "%PDF-1.7\nthis is no PDF body".getBytes(StandardCharsets.US_ASCII);

    var thrown =
        assertThrows(
            UnreadableDocumentException.class, () -> extractor.extract(pdf("x.pdf", corrupt)));

    assertThat(thrown.getMessage(), containsString("corrupt"));
  }

  @Test
  void anInvoiceWithContentThatCannotBeReadIsUnreadable() throws Exception {
    byte[] badDate =
        new String(resource("ubl-invoice.xml"), StandardCharsets.UTF_8)
            .replace(
                "<cbc:IssueDate>2026-10-14</cbc:IssueDate>", "<cbc:IssueDate>soon</cbc:IssueDate>")
            .getBytes(StandardCharsets.UTF_8);

    var thrown =
        assertThrows(
            UnreadableDocumentException.class,
            () -> extractor.extract(xml("invoice.xml", badDate)));

    assertThat(thrown.getMessage(), containsString("e-invoice:ubl invoice cannot be read"));
  }

  @Test
  void aPdfThatNeedsAPasswordIsUnreadable() {
    byte[] locked = MustangInvoices.passwordProtectedPdf("geheim");

    var thrown =
        assertThrows(
            UnreadableDocumentException.class, () -> extractor.extract(pdf("x.pdf", locked)));

    assertThat(thrown.getMessage(), containsString("encrypted with a password"));
  }

  @Test
  void acceptsPdfsAndXmlButNotImages() {
    assertThat(extractor.accepts(pdf("a.pdf", new byte[0])), is(true));
    assertThat(extractor.accepts(xml("a.xml", new byte[0])), is(true));
    assertThat(extractor.accepts(new Document("a.xml", "text/xml", new byte[0])), is(true));
    assertThat(extractor.accepts(new Document("a.png", "image/png", new byte[0])), is(false));
  }

  private static void assertMustangInvoice(Extraction extraction, String source) {
    assertMustangInvoice(extraction, source, MustangInvoices.DUE);
  }

  private static void assertMustangInvoice(
      Extraction extraction, String source, LocalDate dueDate) {
    assertThat(extraction.kind().value(), is(DocumentKind.INVOICE));
    assertThat(extraction.total().value(), comparesEqualTo(new BigDecimal("1428.00")));
    assertThat(extraction.currency().value(), is("EUR"));
    assertThat(extraction.invoiceDate().value(), is(MustangInvoices.ISSUED));
    assertThat(extraction.dueDate() == null ? null : extraction.dueDate().value(), is(dueDate));
    assertThat(extraction.invoiceNumber().value(), is("RE-2026-0042"));
    assertThat(extraction.vendor().value(), is("Kontor Leuchtturm GmbH"));
    assertThat(extraction.taxAmount().value(), comparesEqualTo(new BigDecimal("228.00")));
    assertSources(extraction, source);
  }

  private static void assertSources(Extraction extraction, String source) {
    for (var field :
        new Object[] {
          extraction.kind(),
          extraction.total(),
          extraction.currency(),
          extraction.invoiceDate(),
          extraction.invoiceNumber(),
          extraction.vendor(),
          extraction.taxAmount()
        }) {
      var extracted = (dev.nightshift.inbox.extraction.Extracted<?>) field;
      assertThat(extracted.source(), equalTo(source));
      assertThat(extracted.confidence(), equalTo(0.99));
    }
    assertThat(extraction.isComplete(), is(true));
    assertThat(extraction, not(Extraction.EMPTY));
  }

  private static Document pdf(String name, byte[] content) {
    return new Document(name, "application/pdf", content);
  }

  private static Document xml(String name, byte[] content) {
    return new Document(name, "application/xml", content);
  }

  private static byte[] resource(String name) throws IOException {
    try (InputStream in = EInvoiceExtractorTest.class.getResourceAsStream("/einvoice/" + name)) {
      return in.readAllBytes();
    }
  }
}
