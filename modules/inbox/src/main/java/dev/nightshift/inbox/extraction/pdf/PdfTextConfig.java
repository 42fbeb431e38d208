package dev.nightshift.inbox.extraction.pdf;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The PDF text strategy's settings: {@code nightshift.inbox.pdf-text.*}. */
@ConfigMapping(prefix = "nightshift.inbox.pdf-text")
public interface PdfTextConfig {

  /**
   * Pages read from the start of a PDF: an invoice's figures are on its first pages, and a 300-page
   * attachment must not hold a worker.
   */
  @WithDefault("5")
  int maxPages();
}
