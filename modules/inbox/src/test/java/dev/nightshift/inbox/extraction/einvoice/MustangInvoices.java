package dev.nightshift.inbox.extraction.einvoice;

import dev.nightshift.inbox.extraction.TestPdfs;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.PDEmbeddedFilesNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.common.filespecification.PDEmbeddedFile;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.mustangproject.EStandard;
import org.mustangproject.Invoice;
import org.mustangproject.Item;
import org.mustangproject.Product;
import org.mustangproject.TradeParty;
import org.mustangproject.ZUGFeRD.IXMLProvider;
import org.mustangproject.ZUGFeRD.Profiles;
import org.mustangproject.ZUGFeRD.ZUGFeRD1PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRD2PullProvider;
import org.mustangproject.ZUGFeRD.ZUGFeRDExporterFromA3;

/**
 * Real e-invoices written by Mustang's own exporters: CII XML from its pull providers, and hybrid
 * PDFs with the XML attached. 10 hours at 120.00 EUR plus 19 % VAT: 1,428.00 EUR, of which 228.00
 * VAT.
 */
final class MustangInvoices {

  static final LocalDate ISSUED = LocalDate.of(2026, 11, 3);
  static final LocalDate DUE = LocalDate.of(2026, 12, 3);

  private MustangInvoices() {}

  static Invoice invoice() {
    TradeParty seller =
        new TradeParty("Kontor Leuchtturm GmbH", "Hafenstraße 12", "20457", "Hamburg", "DE")
            .addVATID("DE123456789")
            .setEmail("rechnung@leuchtturm.example");
    TradeParty buyer =
        new TradeParty("Nightjar Studio GmbH", "Karl-Liebknecht-Str. 1", "10178", "Berlin", "DE")
            .setEmail("buchhaltung@nightjar.example");
    return new Invoice()
        .setNumber("RE-2026-0042")
        .setIssueDate(date(ISSUED))
        .setDeliveryDate(date(ISSUED.minusDays(1)))
        .setDueDate(date(DUE))
        .setCurrency("EUR")
        .setSender(seller)
        .setRecipient(buyer)
        .setReferenceNumber("04011000-12345-34")
        .addItem(
            new Item(
                new Product("Beratung", "IT-Beratung vor Ort", "HUR", new BigDecimal("19")),
                new BigDecimal("120.00"),
                new BigDecimal("10")));
  }

  /** CII XML in the EN 16931 profile, or XRechnung's. */
  static byte[] ciiXml(String profile) {
    var provider = new ZUGFeRD2PullProvider();
    provider.setProfile(Profiles.getByName(profile));
    return xml(provider);
  }

  static byte[] zugferd1Xml() {
    var provider = new ZUGFeRD1PullProvider();
    provider.setProfile(Profiles.getByName(EStandard.zugferd, "COMFORT", 1));
    return xml(provider);
  }

  private static byte[] xml(IXMLProvider provider) {
    provider.generateXML(invoice());
    return provider.getXML();
  }

  /**
   * A plain PDF made PDF/A-3 with the invoice attached, as the exporter writes it for the given
   * standard and version: Factur-X (factur-x.xml), ZUGFeRD 2.0 (zugferd-invoice.xml), ZUGFeRD 1
   * (ZUGFeRD-invoice.xml).
   */
  static byte[] hybridPdf(EStandard standard, int version, String profile) {
    try {
      var exporter = new ZUGFeRDExporterFromA3();
      exporter
          .ignorePDFAErrors()
          .load(TestPdfs.withText("Rechnung RE-2026-0042"))
          .setProducer("Nightshift tests")
          .setCreator("Nightshift tests")
          .setZUGFeRDVersion(standard, version)
          .setProfile(Profiles.getByName(standard, profile, version));
      exporter.setTransaction(invoice());
      var out = new ByteArrayOutputStream();
      // Closes the exporter's document once written.
      exporter.export(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A plain PDF with {@code content} attached under {@code name}, as PDF/A-3 attaches files. */
  static byte[] pdfWithAttachment(String name, byte[] content) {
    try (var document = Loader.loadPDF(TestPdfs.withText("Rechnung"))) {
      var file = new PDEmbeddedFile(document, new ByteArrayInputStream(content));
      file.setSubtype("text/xml");
      var spec = new PDComplexFileSpecification();
      spec.setFile(name);
      spec.setFileUnicode(name);
      spec.setEmbeddedFile(file);
      spec.setEmbeddedFileUnicode(file);
      var tree = new PDEmbeddedFilesNameTreeNode();
      tree.setNames(Map.of(name, spec));
      var names = new PDDocumentNameDictionary(document.getDocumentCatalog());
      names.setEmbeddedFiles(tree);
      document.getDocumentCatalog().setNames(names);
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] passwordProtectedPdf(String userPassword) {
    try (var document = Loader.loadPDF(TestPdfs.withText("Rechnung"))) {
      var policy =
          new StandardProtectionPolicy(
              "owner-" + userPassword, userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      var out = new ByteArrayOutputStream();
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Date date(LocalDate date) {
    return Date.from(date.atStartOfDay(ZoneId.systemDefault()).toInstant());
  }
}
