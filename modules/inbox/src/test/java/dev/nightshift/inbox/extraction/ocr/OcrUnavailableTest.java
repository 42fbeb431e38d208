package dev.nightshift.inbox.extraction.ocr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nightshift.inbox.extraction.Document;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Runs with or without Tesseract installed: a missing command must never crash. */
class OcrUnavailableTest {

  private static final Document IMAGE = new Document("a.png", "image/png", new byte[1]);

  @Test
  void aMissingCommandMakesOcrUnavailableWithAReason() {
    var missing = new OcrExtractor(OcrConfigs.with("no-such-tesseract", true));
    assertFalse(missing.available());
    assertEquals(
        Optional.of("OCR is unavailable: no-such-tesseract was not found"),
        missing.unavailableReason());
    assertFalse(missing.accepts(IMAGE));
  }

  @Test
  void disabledOcrAcceptsNothing() {
    var disabled = new OcrExtractor(OcrConfigs.with("tesseract", false));
    assertFalse(disabled.available());
    assertTrue(disabled.unavailableReason().orElseThrow().contains("disabled"));
    assertFalse(disabled.accepts(IMAGE));
  }
}
