package dev.nightshift.inbox.extraction.ocr;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The OCR strategy's settings: {@code nightshift.inbox.ocr.*}. */
@ConfigMapping(prefix = "nightshift.inbox.ocr")
public interface OcrConfig {

  /** Off, images are not read and scanned PDFs keep only what other strategies find. */
  @WithDefault("true")
  boolean enabled();

  /** The Tesseract executable: a name looked up on the PATH, or an absolute path. */
  @WithDefault("tesseract")
  String command();

  /**
   * Tesseract language packs, joined by {@code +}. Packs that are not installed are left out with a
   * warning at start; each pack adds to the time a page takes.
   */
  @WithDefault("eng+deu+fra+spa+swe+nld")
  String languages();

  /** How long Tesseract may read one page or image before it is stopped. */
  @WithDefault("60s")
  Duration timeout();

  /** Pages of a scanned PDF that are read, from the first: each takes seconds. */
  @WithDefault("3")
  int maxPages();

  /** The resolution scanned PDF pages are rendered at for Tesseract, which reads best near 300. */
  @WithDefault("300")
  int dpi();
}
