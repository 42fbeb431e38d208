package dev.nightshift.inbox.corpus;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * Writes a page with the Standard 14 Helvetica, whose WinAnsi encoding covers € and the accents of
 * all six languages, so no font file is needed.
 */
final class PdfWriter {

  private static final PDType1Font REGULAR = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private static final PDType1Font BOLD = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  private PdfWriter() {}

  static byte[] write(Page page) {
    try (var pdf = new PDDocument()) {
      var pdfPage = new PDPage(PDRectangle.A4);
      pdf.addPage(pdfPage);
      try (var content = new PDPageContentStream(pdf, pdfPage)) {
        for (Page.Text text : page.texts()) {
          var font = text.bold() ? BOLD : REGULAR;
          float width = font.getStringWidth(text.text()) / 1000 * text.size();
          content.beginText();
          content.setFont(font, text.size());
          content.newLineAtOffset(
              text.alignRight() ? text.x() - width : text.x(), Page.HEIGHT - text.y());
          content.showText(text.text());
          content.endText();
        }
      }
      var out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
