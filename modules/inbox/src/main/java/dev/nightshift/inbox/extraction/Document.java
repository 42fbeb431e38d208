package dev.nightshift.inbox.extraction;

/**
 * A file to extract from. Intake caps its size, so it is held in memory.
 *
 * @param contentType the type sniffed from the content, not the one the sender claimed
 */
public record Document(String fileName, String contentType, byte[] content) {

  public boolean isPdf() {
    return "application/pdf".equals(contentType);
  }

  public boolean isImage() {
    return contentType.startsWith("image/");
  }

  public boolean isXml() {
    return contentType.equals("application/xml") || contentType.equals("text/xml");
  }
}
