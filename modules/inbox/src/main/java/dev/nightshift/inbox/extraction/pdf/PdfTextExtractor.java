package dev.nightshift.inbox.extraction.pdf;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import dev.nightshift.inbox.extraction.text.InvoiceTextParser;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * Reads a PDF's text layer with PDFBox and parses it with {@link InvoiceTextParser}. A PDF without
 * a text layer (a scan) gives {@link Extraction#EMPTY}, so that OCR reads it.
 *
 * <p>Thread safety: stateless; each call opens its own copy of the PDF.
 */
@ApplicationScoped
public class PdfTextExtractor implements Extractor {

  public static final String NAME = "pdf-text";

  private final PdfTextConfig config;
  private final InvoiceTextParser parser = new InvoiceTextParser(NAME, 1.0);

  public PdfTextExtractor(PdfTextConfig config) {
    this.config = config;
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int order() {
    return 20;
  }

  @Override
  public boolean accepts(Document document) {
    return document.isPdf();
  }

  @Override
  public Extraction extract(Document document) throws UnreadableDocumentException {
    try (var pdf = PdfPages.open(document)) {
      String text = PdfPages.text(pdf, config.maxPages());
      return PdfPages.hasTextLayer(text) ? parser.parse(text) : Extraction.EMPTY;
    } catch (IOException e) {
      // Closing an in-memory document: nothing a caller could act on, and not the document's fault.
      throw new UncheckedIOException(e);
    }
  }
}
