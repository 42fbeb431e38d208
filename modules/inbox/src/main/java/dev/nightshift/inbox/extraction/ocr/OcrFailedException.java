package dev.nightshift.inbox.extraction.ocr;

/**
 * Tesseract failed on a document it could have read: it timed out or crashed. Unlike an unreadable
 * document this may pass on a retry.
 */
public class OcrFailedException extends RuntimeException {

  public OcrFailedException(String message) {
    super(message);
  }

  public OcrFailedException(String message, Throwable cause) {
    super(message, cause);
  }
}
