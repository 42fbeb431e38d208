package dev.nightshift.inbox.extraction.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.nightshift.inbox.corpus.Corpus;
import dev.nightshift.inbox.corpus.CorpusDocument;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OcrExtractorTest {

  private static final CorpusDocument INVOICE = Corpus.generate(11L, 1).get(1);

  private final OcrExtractor extractor = new OcrExtractor(OcrConfigs.with("tesseract", true));

  @BeforeEach
  void tesseractIsInstalled() {
    assumeTrue(
        extractor.available(),
        () ->
            "skipped: "
                + extractor.unavailableReason().orElseThrow()
                + " (install tesseract-ocr and its language packs)");
  }

  @Test
  void readsAScannedPng() throws Exception {
    Extraction result = extractor.extract(new Document("scan.png", "image/png", INVOICE.scanPng()));
    assertEquals(0, INVOICE.truth().total().compareTo(result.total().value()));
    assertEquals(INVOICE.truth().currency(), result.currency().value());
    assertEquals(INVOICE.truth().invoiceDate(), result.invoiceDate().value());
    assertTrue(result.total().source().startsWith("ocr:"));
    assertTrue(result.total().confidence() < 0.9);
  }

  @Test
  void readsAnImageOnlyPdf() throws Exception {
    Extraction result = extractor.extract(pdf(INVOICE.scanPdf()));
    assertEquals(0, INVOICE.truth().total().compareTo(result.total().value()));
  }

  @Test
  void leavesAPdfWithATextLayerToTheTextStrategy() throws Exception {
    assertEquals(Extraction.EMPTY, extractor.extract(pdf(INVOICE.textPdf())));
  }

  @Test
  void acceptsImagesAndPdfs() {
    assertTrue(extractor.accepts(new Document("a.png", "image/png", new byte[1])));
    assertTrue(extractor.accepts(new Document("a.jpg", "image/jpeg", new byte[1])));
    assertTrue(extractor.accepts(new Document("a.tif", "image/tiff", new byte[1])));
    assertTrue(extractor.accepts(pdf(new byte[1])));
    assertFalse(extractor.accepts(new Document("a.xml", "application/xml", new byte[1])));
  }

  @Test
  void aBrokenImageIsUnreadable() {
    var broken = new Document("a.png", "image/png", "not a png".getBytes());
    var error = assertThrows(UnreadableDocumentException.class, () -> extractor.extract(broken));
    assertEquals("the image is corrupt", error.getMessage());
  }

  @Test
  void zeroBytesAreEmpty() {
    var empty = new Document("a.png", "image/png", new byte[0]);
    assertThrows(UnreadableDocumentException.class, () -> extractor.extract(empty));
  }

  private static Document pdf(byte[] content) {
    return new Document("scan.pdf", "application/pdf", content);
  }
}
