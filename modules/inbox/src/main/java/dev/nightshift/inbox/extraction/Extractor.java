package dev.nightshift.inbox.extraction;

/**
 * One strategy of the extraction chain. process-document tries every enabled strategy that accepts
 * a document, in order, as a durable step of its run, and keeps each field's most confident
 * finding.
 */
public interface Extractor {

  /** Names the strategy in sources, step names and settings: {@code e-invoice}, {@code ocr}. */
  String name();

  /** Lower runs first: structured data before text layers, text before OCR, OCR before clouds. */
  int order();

  boolean accepts(Document document);

  /**
   * @return what the strategy found, {@link Extraction#EMPTY} when it found nothing
   * @throws UnreadableDocumentException when the document is corrupt or encrypted, which no other
   *     strategy can mend either
   */
  Extraction extract(Document document) throws UnreadableDocumentException;
}
