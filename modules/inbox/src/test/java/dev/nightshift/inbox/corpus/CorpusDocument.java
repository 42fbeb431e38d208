package dev.nightshift.inbox.corpus;

/** One generated document: what it says and how it is laid out. */
public record CorpusDocument(GroundTruth truth, Page page, long seed) {

  /** The document as a PDF with a text layer. */
  public byte[] textPdf() {
    return PdfWriter.write(page);
  }

  /** The printed document scanned: rotated a little, speckled, as a PNG. */
  public byte[] scanPng() {
    return Scanner.png(Scanner.scan(textPdf(), seed));
  }

  /** The scan in a PDF of one image and no text layer, as scanners make them. */
  public byte[] scanPdf() {
    return Scanner.imagePdf(Scanner.scan(textPdf(), seed));
  }
}
