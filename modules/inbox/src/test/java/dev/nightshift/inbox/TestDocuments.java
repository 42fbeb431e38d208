package dev.nightshift.inbox;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Documents for intake tests, made on the spot. */
public final class TestDocuments {

  private TestDocuments() {}

  /** A one-page PDF whose text layer holds these lines. */
  public static byte[] pdf(List<String> lines) throws IOException {
    try (var document = new PDDocument();
        var out = new ByteArrayOutputStream()) {
      var page = new PDPage();
      document.addPage(page);
      var font = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (var text = new PDPageContentStream(document, page)) {
        float y = 740;
        for (var line : lines) {
          text.beginText();
          text.setFont(font, 11);
          text.newLineAtOffset(60, y);
          text.showText(line);
          text.endText();
          y -= 18;
        }
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  public static byte[] invoice(String vendor, String number, String date, String total)
      throws IOException {
    return pdf(
        List.of(
            vendor,
            "INVOICE",
            "Invoice number: " + number,
            "Invoice date: " + date,
            "Bill to: Example Customer Ltd",
            "Subtotal " + total,
            "Total due " + total));
  }

  /** A PDF that opens only with a user password. */
  public static byte[] encryptedPdf() throws IOException {
    try (var document = Loader.loadPDF(invoice("Secret AB", "S-1", "2026-11-02", "SEK 10.00"));
        var out = new ByteArrayOutputStream()) {
      var policy =
          new StandardProtectionPolicy("owner-secret", "user-secret", new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      document.save(out);
      return out.toByteArray();
    }
  }

  /** The PDF's first page as a scanner would deliver it: a 200 dpi greyscale PNG, no text layer. */
  public static byte[] scan(byte[] pdf) throws IOException {
    try (var document = Loader.loadPDF(pdf);
        var out = new ByteArrayOutputStream()) {
      var image = new PDFRenderer(document).renderImageWithDPI(0, 200, ImageType.GRAY);
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    }
  }

  /** A PNG of the given size in bytes: a real header, then filler. */
  public static byte[] png(int size) {
    var bytes = new byte[size];
    byte[] header = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};
    System.arraycopy(header, 0, bytes, 0, header.length);
    return bytes;
  }
}
