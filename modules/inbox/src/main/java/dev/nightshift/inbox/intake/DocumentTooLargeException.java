package dev.nightshift.inbox.intake;

/** A document over {@code nightshift.inbox.max-document-size}: the caller answers 413. */
public class DocumentTooLargeException extends RuntimeException {

  public DocumentTooLargeException(String fileName, long size, long limit) {
    super(
        "'"
            + fileName
            + "' has "
            + size
            + " bytes; the inbox takes documents of at most "
            + limit
            + " bytes (nightshift.inbox.max-document-size)");
  }
}
