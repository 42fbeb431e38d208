package dev.nightshift.inbox.extraction.pdf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nightshift.inbox.corpus.Corpus;
import dev.nightshift.inbox.corpus.CorpusDocument;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import java.io.ByteArrayOutputStream;
import java.util.Arrays;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.encryption.AccessPermission;
import org.apache.pdfbox.pdmodel.encryption.StandardProtectionPolicy;
import org.junit.jupiter.api.Test;

class PdfTextExtractorTest {

  private final PdfTextExtractor extractor = new PdfTextExtractor(() -> 5);
  private final CorpusDocument invoice = Corpus.generate(7L, 1).getFirst();

  @Test
  void readsTheTextLayer() throws Exception {
    Extraction result = extractor.extract(pdf(invoice.textPdf()));
    assertEquals(0, invoice.truth().total().compareTo(result.total().value()));
    assertTrue(result.total().source().startsWith("pdf-text:"));
    assertTrue(result.isComplete());
  }

  @Test
  void acceptsPdfsOnly() {
    assertTrue(extractor.accepts(pdf(new byte[1])));
    assertFalse(extractor.accepts(new Document("a.png", "image/png", new byte[1])));
  }

  @Test
  void aScanWithoutTextLayerIsLeftToOcr() throws Exception {
    assertEquals(Extraction.EMPTY, extractor.extract(pdf(invoice.scanPdf())));
  }

  @Test
  void readsOnlyTheFirstPages() throws Exception {
    var blankFirst = new PdfTextExtractor(() -> 1);
    byte[] twoPages;
    try (var document = Loader.loadPDF(invoice.textPdf())) {
      document.getPages().insertBefore(new PDPage(), document.getPage(0));
      twoPages = save(document);
    }
    assertEquals(Extraction.EMPTY, blankFirst.extract(pdf(twoPages)));
    assertFalse(extractor.extract(pdf(twoPages)).isEmpty());
  }

  @Test
  void aPdfThatNeedsAPasswordIsEncrypted() throws Exception {
    var error =
        assertThrows(
            UnreadableDocumentException.class,
            () -> extractor.extract(pdf(encrypted(invoice.textPdf(), "secret"))));
    assertEquals("the PDF is encrypted", error.getMessage());
  }

  @Test
  void aPdfLockedOnlyAgainstChangesIsRead() throws Exception {
    Extraction result = extractor.extract(pdf(encrypted(invoice.textPdf(), "")));
    assertEquals(0, invoice.truth().total().compareTo(result.total().value()));
  }

  @Test
  void garbageIsCorrupt() {
    byte[] garbage = "this is not a PDF at all".getBytes();
    var error =
        assertThrows(UnreadableDocumentException.class, () -> extractor.extract(pdf(garbage)));
    assertTrue(error.getMessage().startsWith("the PDF is corrupt: "), error.getMessage());
  }

  @Test
  void aTruncatedPdfIsCorrupt() {
    byte[] bytes = invoice.textPdf();
    byte[] head = Arrays.copyOf(bytes, 40);
    var error = assertThrows(UnreadableDocumentException.class, () -> extractor.extract(pdf(head)));
    assertTrue(error.getMessage().startsWith("the PDF is corrupt: "), error.getMessage());
  }

  @Test
  void zeroBytesAreEmpty() {
    var error =
        assertThrows(UnreadableDocumentException.class, () -> extractor.extract(pdf(new byte[0])));
    assertEquals("the document is empty", error.getMessage());
  }

  private static Document pdf(byte[] content) {
    return new Document("invoice.pdf", "application/pdf", content);
  }

  private static byte[] encrypted(byte[] pdf, String userPassword) throws Exception {
    try (var document = Loader.loadPDF(pdf)) {
      var policy = new StandardProtectionPolicy("owner", userPassword, new AccessPermission());
      policy.setEncryptionKeyLength(128);
      document.protect(policy);
      return save(document);
    }
  }

  private static byte[] save(PDDocument document) throws Exception {
    var out = new ByteArrayOutputStream();
    document.save(out);
    return out.toByteArray();
  }
}
