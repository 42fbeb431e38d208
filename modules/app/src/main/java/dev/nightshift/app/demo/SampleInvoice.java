package dev.nightshift.app.demo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * A plain one-page invoice PDF with a text layer, as a vendor's billing system would send it: the
 * demo's sample document for the inbox.
 */
public record SampleInvoice(
    String vendor,
    String number,
    LocalDate issued,
    LocalDate due,
    BigDecimal total,
    BigDecimal tax,
    String currency) {

  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("MMMM d, yyyy", Locale.ENGLISH);

  public byte[] pdf() throws IOException {
    try (var document = new PDDocument();
        var out = new ByteArrayOutputStream()) {
      var page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      var bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
      var plain = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
      try (var text = new PDPageContentStream(document, page)) {
        float y = 780;
        y = line(text, bold, 20, y, vendor);
        y =
            line(
                text,
                plain,
                10,
                y,
                "billing@" + vendor.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "") + ".example");
        y -= 30;
        y = line(text, bold, 16, y, "INVOICE");
        y = line(text, plain, 11, y, "Invoice number: " + number);
        y = line(text, plain, 11, y, "Invoice date: " + DATE.format(issued));
        y = line(text, plain, 11, y, "Due date: " + DATE.format(due));
        y -= 20;
        y = line(text, plain, 11, y, "Bill to: Demo Team, 1 Example Street, Springfield");
        y -= 20;
        var net = total.subtract(tax);
        y = line(text, plain, 11, y, "Subscription and services          " + money(net));
        y = line(text, plain, 11, y, "Subtotal                           " + money(net));
        y = line(text, plain, 11, y, "VAT 20%                            " + money(tax));
        line(text, bold, 12, y, "Total due                          " + money(total));
      }
      document.save(out);
      return out.toByteArray();
    }
  }

  private String money(BigDecimal amount) {
    return currency + " " + String.format(Locale.ENGLISH, "%,.2f", amount);
  }

  private static float line(
      PDPageContentStream text, PDType1Font font, float size, float y, String s)
      throws IOException {
    text.beginText();
    text.setFont(font, size);
    text.newLineAtOffset(60, y);
    text.showText(s);
    text.endText();
    return y - size * 1.6f;
  }
}
