package dev.nightshift.inbox.extraction.ocr;

import java.time.Duration;

/** OCR settings for tests that build the extractor without Quarkus: the shipped defaults. */
public final class OcrConfigs {

  private OcrConfigs() {}

  public static OcrConfig with(String command, boolean enabled) {
    return new OcrConfig() {
      @Override
      public boolean enabled() {
        return enabled;
      }

      @Override
      public String command() {
        return command;
      }

      @Override
      public String languages() {
        return "eng+deu+fra+spa+swe+nld";
      }

      @Override
      public Duration timeout() {
        return Duration.ofSeconds(60);
      }

      @Override
      public int maxPages() {
        return 3;
      }

      @Override
      public int dpi() {
        return 300;
      }
    };
  }
}
