package dev.nightshift.inbox.intake;

/**
 * What intake made of one file.
 *
 * @param contentType the type sniffed from the content
 * @param skipReason why the file is not a document, or null when it is one
 */
public record Verdict(String contentType, String skipReason) {

  public boolean accepted() {
    return skipReason == null;
  }
}
