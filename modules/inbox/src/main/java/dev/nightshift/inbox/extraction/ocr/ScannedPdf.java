package dev.nightshift.inbox.extraction.ocr;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import dev.nightshift.inbox.extraction.pdf.PdfPages;
import java.io.IOException;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** A PDF whose pages are images: each of its first pages rendered and read by Tesseract. */
final class ScannedPdf {

  private final Document document;
  private final OcrConfig config;

  ScannedPdf(Document document, OcrConfig config) {
    this.document = document;
    this.config = config;
  }

  /**
   * @return the pages' text, or null when the PDF has a text layer, which the text strategy reads
   */
  String read(Path directory, Tesseract tesseract) throws IOException, UnreadableDocumentException {
    try (var pdf = PdfPages.open(document)) {
      if (PdfPages.hasTextLayer(PdfPages.text(pdf, config.maxPages()))) {
        return null;
      }
      var renderer = new PDFRenderer(pdf);
      var text = new StringBuilder();
      int pages = Math.min(pdf.getNumberOfPages(), config.maxPages());
      for (int page = 0; page < pages; page++) {
        var image = renderer.renderImageWithDPI(page, config.dpi(), ImageType.GRAY);
        Path file = directory.resolve("page-" + (page + 1) + ".png");
        ImageIO.write(image, "png", file.toFile());
        text.append(tesseract.read(file)).append('\n');
      }
      return text.toString();
    }
  }
}
