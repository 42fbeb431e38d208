package dev.nightshift.inbox.extraction.pdf;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.IOException;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.encryption.InvalidPasswordException;
import org.apache.pdfbox.text.PDFTextStripper;

/** Opens PDFs and reads their text layer, for the text strategy and for OCR's scan check. */
public final class PdfPages {

  /**
   * Fewer letters and digits than this and a PDF is taken for a scan: a scanner's PDF often carries
   * a page number or a stray mark as text, never a readable invoice.
   */
  static final int MIN_TEXT_LAYER = 25;

  private PdfPages() {}

  /**
   * Opens a PDF. One protected only against changes (an owner password) opens; one that needs a
   * password to be read does not.
   *
   * @throws UnreadableDocumentException when it is empty, encrypted or corrupt
   */
  public static PDDocument open(Document document) throws UnreadableDocumentException {
    if (document.content().length == 0) {
      throw new UnreadableDocumentException("the document is empty");
    }
    try {
      return Loader.loadPDF(document.content());
    } catch (InvalidPasswordException e) {
      throw new UnreadableDocumentException("the PDF is encrypted", e);
    } catch (IOException e) {
      throw new UnreadableDocumentException("the PDF is corrupt: " + e.getMessage(), e);
    }
  }

  /** The text of the first pages, in reading order. */
  public static String text(PDDocument pdf, int maxPages) throws UnreadableDocumentException {
    try {
      var stripper = new PDFTextStripper();
      // Lines as they appear on the page, not in the order the producer wrote them.
      stripper.setSortByPosition(true);
      stripper.setStartPage(1);
      stripper.setEndPage(maxPages);
      return stripper.getText(pdf);
    } catch (IOException | RuntimeException e) {
      throw new UnreadableDocumentException("the PDF is corrupt: " + e.getMessage(), e);
    }
  }

  /** Whether the text is a real text layer rather than the leftovers of a scan. */
  public static boolean hasTextLayer(String text) {
    return text.chars().filter(Character::isLetterOrDigit).count() >= MIN_TEXT_LAYER;
  }
}
