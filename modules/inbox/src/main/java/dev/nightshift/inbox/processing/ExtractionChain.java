package dev.nightshift.inbox.processing;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.ocr.OcrExtractor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import java.util.Comparator;
import java.util.List;

/** Every extraction strategy there is, in the order process-document tries them. */
@ApplicationScoped
public class ExtractionChain {

  /**
   * Strategies from this order on (OCR, cloud extractors) are slow or cost money: a document that
   * an earlier strategy read completely skips them.
   */
  static final int COSTLY = 30;

  private final List<Extractor> strategies;
  private final OcrExtractor ocr;

  ExtractionChain(Instance<Extractor> strategies, OcrExtractor ocr) {
    this.strategies =
        strategies.stream().sorted(Comparator.comparingInt(Extractor::order)).toList();
    this.ocr = ocr;
  }

  /** The strategies that would read this document, in order. */
  public List<Extractor> strategiesFor(Document document) {
    return strategies.stream().filter(s -> s.accepts(document)).toList();
  }

  /** Why no strategy reads the document: for an image, most likely that OCR is off. */
  public String whyNone(Document document) {
    var reason = "no extraction strategy reads " + document.contentType();
    return document.isImage()
        ? ocr.unavailableReason().map(r -> reason + " (" + r + ")").orElse(reason)
        : reason;
  }
}
