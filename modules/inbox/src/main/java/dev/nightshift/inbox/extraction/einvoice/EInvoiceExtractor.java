package dev.nightshift.inbox.extraction.einvoice;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Reads structured e-invoices: the XML embedded in a ZUGFeRD, Factur-X or XRechnung PDF, and CII or
 * UBL XML files. Every field it finds comes from a structured element, so it runs first and its
 * findings carry confidence 0.99; a PDF without an embedded invoice is passed over in milliseconds.
 *
 * <p>Errors: an XML file that is not well-formed, or an invoice whose content cannot be read, is
 * unreadable. A broken attachment in a PDF is not: the PDF's pages still show the invoice, so this
 * strategy finds nothing and the text layer reads it. Thread-safe.
 */
@ApplicationScoped
public class EInvoiceExtractor implements Extractor {

  private static final Logger LOG = Logger.getLogger(EInvoiceExtractor.class);

  @Override
  public String name() {
    return "e-invoice";
  }

  @Override
  public int order() {
    return 10;
  }

  @Override
  public boolean accepts(Document document) {
    return document.isPdf() || document.isXml();
  }

  @Override
  public Extraction extract(Document document) throws UnreadableDocumentException {
    return document.isPdf() ? fromPdf(document) : fromXml(document);
  }

  private static Extraction fromPdf(Document document) throws UnreadableDocumentException {
    Optional<EmbeddedInvoice> embedded = EmbeddedInvoice.in(document.content());
    if (embedded.isEmpty()) {
      return Extraction.EMPTY;
    }
    String attachment = embedded.get().fileName();
    try {
      Optional<InvoiceXml> parsed = InvoiceXml.parse(embedded.get().xml(), attachment);
      if (parsed.isEmpty()) {
        LOG.warnf(
            "%s: its attachment %s is no invoice in a syntax read here",
            document.fileName(), attachment);
        return Extraction.EMPTY;
      }
      return MustangReader.read(embedded.get().xml(), parsed.get());
    } catch (UnreadableDocumentException | InvalidInvoiceException e) {
      LOG.warnf(
          "%s: its e-invoice attachment %s is unreadable, left to the text layer: %s",
          document.fileName(), attachment, e.getMessage());
      return Extraction.EMPTY;
    }
  }

  private static Extraction fromXml(Document document) throws UnreadableDocumentException {
    Optional<InvoiceXml> parsed = InvoiceXml.parse(document.content(), null);
    if (parsed.isEmpty()) {
      return Extraction.EMPTY;
    }
    try {
      return MustangReader.read(document.content(), parsed.get());
    } catch (InvalidInvoiceException e) {
      throw new UnreadableDocumentException(
          "The " + parsed.get().flavour().source() + " invoice cannot be read: " + e.getMessage(),
          e);
    }
  }
}
