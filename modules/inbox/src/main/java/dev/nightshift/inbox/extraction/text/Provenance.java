package dev.nightshift.inbox.extraction.text;

import dev.nightshift.inbox.extraction.Extracted;

/**
 * Names where a finding came from and scales its confidence: the same rules read a clean text layer
 * ({@code pdf-text}) and OCR output ({@code ocr}), which misreads digits now and then.
 */
record Provenance(String source, double trust) {

  Provenance {
    if (trust <= 0 || trust > 1) {
      throw new IllegalArgumentException("trust must lie in (0, 1]: " + trust);
    }
  }

  <T> Extracted<T> found(T value, String rule, double confidence) {
    return new Extracted<>(value, source + ":" + rule, confidence * trust);
  }
}
