package dev.nightshift.inbox.extraction.ocr;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import dev.nightshift.inbox.extraction.text.InvoiceTextParser;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Reads images (PNG, JPEG, TIFF) and scanned PDFs (those without a text layer) with Tesseract, and
 * parses the text with {@link InvoiceTextParser} under the source {@code ocr}, trusting it less
 * than a text layer.
 *
 * <p>When Tesseract is missing or disabled the strategy accepts nothing, and {@link
 * #unavailableReason()} says why, so that the chain can fail an image that nothing else reads with
 * that reason. The check runs once at start and logs one warning.
 *
 * <p>Thread safety: each call works in a temporary directory of its own.
 */
@Startup
@ApplicationScoped
public class OcrExtractor implements Extractor {

  public static final String NAME = "ocr";

  /** OCR misreads a digit now and then: its findings weigh less than a text layer's. */
  static final double TRUST = 0.8;

  private static final Logger LOG = Logger.getLogger(OcrExtractor.class);
  private static final Map<String, String> IMAGE_SUFFIXES =
      Map.of("image/png", ".png", "image/jpeg", ".jpg", "image/tiff", ".tif");

  private final OcrConfig config;
  private final Tesseract tesseract;
  private final InvoiceTextParser parser = new InvoiceTextParser(NAME, TRUST);

  public OcrExtractor(OcrConfig config) {
    this.config = config;
    this.tesseract = config.enabled() ? Tesseract.probe(config) : null;
    unavailableReason().ifPresent(reason -> LOG.warn(reason + "; images will not be read"));
    if (tesseract != null && !tesseract.missingLanguages().isEmpty()) {
      LOG.warnf(
          "OCR reads without the language packs %s, which are not installed",
          tesseract.missingLanguages());
    }
  }

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public int order() {
    return 30;
  }

  public boolean available() {
    return unavailableReason().isEmpty();
  }

  /** Why OCR does not run, such as "OCR is unavailable: tesseract was not found". */
  public Optional<String> unavailableReason() {
    if (tesseract == null) {
      return Optional.of("OCR is disabled (nightshift.inbox.ocr.enabled=false)");
    }
    return tesseract.unavailable().map(why -> "OCR is unavailable: " + why);
  }

  @Override
  public boolean accepts(Document document) {
    return available() && (document.isPdf() || IMAGE_SUFFIXES.containsKey(document.contentType()));
  }

  /**
   * @return {@link Extraction#EMPTY} for a PDF with a text layer, which is the text strategy's
   * @throws OcrFailedException when Tesseract times out or fails on a readable document
   */
  @Override
  public Extraction extract(Document document) throws UnreadableDocumentException {
    if (document.content().length == 0) {
      throw new UnreadableDocumentException("the document is empty");
    }
    Path directory = null;
    try {
      directory = Files.createTempDirectory("nightshift-ocr");
      String text =
          document.isPdf()
              ? new ScannedPdf(document, config).read(directory, tesseract)
              : readImage(document, directory);
      return text == null ? Extraction.EMPTY : parser.parse(text);
    } catch (IOException e) {
      throw new UncheckedIOException("OCR could not use a temporary directory", e);
    } finally {
      deleteQuietly(directory);
    }
  }

  private String readImage(Document document, Path directory)
      throws IOException, UnreadableDocumentException {
    Path image = directory.resolve("image" + IMAGE_SUFFIXES.get(document.contentType()));
    Files.write(image, document.content());
    return tesseract.read(image);
  }

  private static void deleteQuietly(Path directory) {
    if (directory == null) {
      return;
    }
    try (Stream<Path> files = Files.walk(directory)) {
      files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.debugf(e, "OCR left %s behind", directory);
    }
  }
}
