package dev.nightshift.inbox.benchmark;

import dev.nightshift.inbox.corpus.Accuracy;
import dev.nightshift.inbox.corpus.Corpus;
import dev.nightshift.inbox.corpus.CorpusDocument;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.ocr.OcrConfigs;
import dev.nightshift.inbox.extraction.ocr.OcrExtractor;
import dev.nightshift.inbox.extraction.pdf.PdfTextExtractor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * Field accuracy and time per document of the pdf-text strategy on generated text PDFs and of the
 * ocr strategy on generated scans (PNG), per language. Runs only when asked
 * (docs/benchmarks.md#inbox-extraction-accuracy):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/inbox -am -Dbenchmark=true \
 *     -Dtest=ExtractionAccuracyBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.documents} (text PDFs per language, default 50), {@code -Dbenchmark.scans}
 * (scans per language, default 50) and {@code -Dbenchmark.seed} change the corpus. The report goes
 * to stdout and to {@code target/extraction-benchmark.txt}; the documents to {@code
 * target/corpus/}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ExtractionAccuracyBenchmarkTest {

  private static final long SEED = Long.getLong("benchmark.seed", 20240601L);
  private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 50);
  private static final int SCANS = Integer.getInteger("benchmark.scans", 50);
  private static final Path CORPUS = Path.of("target/corpus");

  @Test
  void measure() throws Exception {
    Files.createDirectories(CORPUS);
    var report = new StringBuilder();
    var text =
        run(
            new PdfTextExtractor(() -> 5),
            Corpus.generate(SEED, DOCUMENTS),
            "pdf",
            "application/pdf",
            CorpusDocument::textPdf);
    report.append(section("Text PDFs through pdf-text", DOCUMENTS, text));
    var ocr = new OcrExtractor(OcrConfigs.with("tesseract", true));
    Assumptions.assumeTrue(ocr.available(), () -> ocr.unavailableReason().orElseThrow());
    var scans = run(ocr, Corpus.generate(SEED, SCANS), "png", "image/png", CorpusDocument::scanPng);
    report.append(section("Scanned PNGs through ocr", SCANS, scans));
    System.out.println(report);
    Files.writeString(Path.of("target/extraction-benchmark.txt"), report);
  }

  private record Result(Accuracy accuracy, List<Long> nanos) {}

  private static Result run(
      Extractor extractor,
      List<CorpusDocument> documents,
      String suffix,
      String type,
      Function<CorpusDocument, byte[]> form)
      throws Exception {
    var accuracy = new Accuracy();
    var nanos = new ArrayList<Long>();
    // Not measured: loads PDFBox's fonts and warms the JIT, as a running service would be.
    extractor.extract(new Document("warm-up", type, form.apply(documents.getFirst())));
    for (CorpusDocument document : documents) {
      byte[] content = form.apply(document);
      Files.write(CORPUS.resolve(document.truth().id() + "." + suffix), content);
      long start = System.nanoTime();
      Extraction extraction = extractor.extract(new Document(document.truth().id(), type, content));
      nanos.add(System.nanoTime() - start);
      accuracy.score(document.truth(), extraction);
    }
    return new Result(accuracy, nanos);
  }

  private static String section(String title, int perLanguage, Result result) {
    List<Long> sorted = result.nanos().stream().sorted().toList();
    double mean = sorted.stream().mapToLong(Long::longValue).average().orElse(0) / 1e6;
    return String.format(
            Locale.ROOT,
            "%n### %s (%d per language, seed %d)%n%n%s%ntime per document: mean %.1f ms, p50 %.1f ms,"
                + " p99 %.1f ms (%d documents)%n%nmisses:%n",
            title,
            perLanguage,
            SEED,
            result.accuracy().table(),
            mean,
            percentile(sorted, 0.50),
            percentile(sorted, 0.99),
            sorted.size())
        + String.join("\n", result.accuracy().misses())
        + "\n";
  }

  private static double percentile(List<Long> sorted, double p) {
    int index = (int) Math.ceil(p * sorted.size()) - 1;
    return sorted.get(Math.max(0, index)) / 1e6;
  }
}
