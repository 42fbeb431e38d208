package dev.nightshift.inbox.extraction;

/**
 * The document cannot be read by anyone: it is corrupt, encrypted or empty. Its item fails with
 * this message as the reason; retrying would not help.
 */
public class UnreadableDocumentException extends Exception {

  public UnreadableDocumentException(String reason) {
    super(reason);
  }

  public UnreadableDocumentException(String reason, Throwable cause) {
    super(reason, cause);
  }
}
