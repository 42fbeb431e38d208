package dev.nightshift.inbox.corpus;

import java.awt.Color;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Random;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.image.JPEGFactory;
import org.apache.pdfbox.rendering.ImageType;
import org.apache.pdfbox.rendering.PDFRenderer;

/** Makes a "scan" of a page: rendered at 200 dpi, turned by up to 1.5°, with dust and grey. */
final class Scanner {

  private static final int DPI = 200;
  private static final double MAX_DEGREES = 1.5;
  private static final double DUST = 0.002;

  private Scanner() {}

  static BufferedImage scan(byte[] pdfBytes, long seed) {
    var random = new Random(seed);
    try (var pdf = Loader.loadPDF(pdfBytes)) {
      BufferedImage page = new PDFRenderer(pdf).renderImageWithDPI(0, DPI, ImageType.GRAY);
      BufferedImage turned = turn(page, (random.nextDouble() * 2 - 1) * MAX_DEGREES);
      speckle(turned, random);
      return turned;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] png(BufferedImage image) {
    try {
      var out = new ByteArrayOutputStream();
      ImageIO.write(image, "png", out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static byte[] imagePdf(BufferedImage image) {
    try (var pdf = new PDDocument()) {
      var page = new PDPage(PDRectangle.A4);
      pdf.addPage(page);
      var xobject = JPEGFactory.createFromImage(pdf, image, 0.8f);
      try (var content = new PDPageContentStream(pdf, page)) {
        content.drawImage(xobject, 0, 0, PDRectangle.A4.getWidth(), PDRectangle.A4.getHeight());
      }
      var out = new ByteArrayOutputStream();
      pdf.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static BufferedImage turn(BufferedImage page, double degrees) {
    var turned = new BufferedImage(page.getWidth(), page.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    var g = turned.createGraphics();
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, page.getWidth(), page.getHeight());
    g.setRenderingHint(
        RenderingHints.KEY_INTERPOLATION, RenderingHints.VALUE_INTERPOLATION_BILINEAR);
    g.rotate(Math.toRadians(degrees), page.getWidth() / 2.0, page.getHeight() / 2.0);
    g.drawImage(page, 0, 0, null);
    g.dispose();
    return turned;
  }

  /** Dust: scattered dark and light pixels; and a paper that is not quite white. */
  private static void speckle(BufferedImage image, Random random) {
    var raster = image.getRaster();
    int paper = 235 + random.nextInt(15);
    for (int y = 0; y < image.getHeight(); y++) {
      for (int x = 0; x < image.getWidth(); x++) {
        int value = raster.getSample(x, y, 0);
        if (random.nextDouble() < DUST) {
          value = random.nextBoolean() ? random.nextInt(90) : 255;
        } else if (value > paper) {
          value = paper;
        }
        raster.setSample(x, y, 0, value);
      }
    }
  }
}
