package dev.nightshift.inbox.extraction.einvoice;

import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentNameDictionary;
import org.apache.pdfbox.pdmodel.common.PDNameTreeNode;
import org.apache.pdfbox.pdmodel.common.filespecification.PDComplexFileSpecification;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;

/**
 * The e-invoice XML that a hybrid PDF (PDF/A-3 with an attachment) carries, found by the file names
 * the standards prescribe. Reads only the catalogue and the embedded files, not the pages, so a PDF
 * without one is passed over in milliseconds.
 *
 * @param fileName the attachment's name, which tells ZUGFeRD 2.0 from Factur-X
 */
record EmbeddedInvoice(String fileName, byte[] xml) {

  /** Lower case; ZUGFeRD 1 wrote {@code ZUGFeRD-invoice.xml}, 2.0 {@code zugferd-invoice.xml}. */
  private static final Set<String> NAMES =
      Set.of("factur-x.xml", "zugferd-invoice.xml", "xrechnung.xml");

  static Optional<EmbeddedInvoice> in(byte[] pdf) throws UnreadableDocumentException {
    // Loading tries the empty user password, so PDFs that only restrict printing or copying open.
    try (PDDocument document = Loader.loadPDF(pdf)) {
      var embedded = new PDDocumentNameDictionary(document.getDocumentCatalog()).getEmbeddedFiles();
      return embedded == null ? Optional.empty() : find(embedded);
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException("The PDF is encrypted with a password", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException("The PDF is corrupt: " + e.getMessage(), e);
    }
  }

  private static Optional<EmbeddedInvoice> find(PDNameTreeNode<PDComplexFileSpecification> node)
      throws IOException {
    Map<String, PDComplexFileSpecification> names = node.getNames();
    if (names != null) {
      for (var entry : names.entrySet()) {
        Optional<EmbeddedInvoice> found = read(entry.getKey(), entry.getValue());
        if (found.isPresent()) {
          return found;
        }
      }
    }
    List<PDNameTreeNode<PDComplexFileSpecification>> kids = node.getKids();
    if (kids != null) {
      for (var kid : kids) {
        Optional<EmbeddedInvoice> found = find(kid);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<EmbeddedInvoice> read(String key, PDComplexFileSpecification spec)
      throws IOException {
    String name = spec.getFilename() != null ? spec.getFilename() : key;
    if (!NAMES.contains(name.toLowerCase(Locale.ROOT))) {
      return Optional.empty();
    }
    var file =
        spec.getEmbeddedFileUnicode() != null
            ? spec.getEmbeddedFileUnicode()
            : spec.getEmbeddedFile();
    return file == null
        ? Optional.empty()
        : Optional.of(new EmbeddedInvoice(name, file.toByteArray()));
  }
}
