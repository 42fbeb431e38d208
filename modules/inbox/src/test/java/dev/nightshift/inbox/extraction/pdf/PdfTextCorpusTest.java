package dev.nightshift.inbox.extraction.pdf;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.nightshift.inbox.corpus.Accuracy;
import dev.nightshift.inbox.corpus.Corpus;
import dev.nightshift.inbox.corpus.CorpusDocument;
import dev.nightshift.inbox.extraction.Document;
import org.junit.jupiter.api.Test;

/** A small generated corpus, five documents per language, read from text PDFs. */
class PdfTextCorpusTest {

  private final PdfTextExtractor extractor = new PdfTextExtractor(() -> 5);

  @Test
  void readsEveryFieldOfMostDocuments() throws Exception {
    var accuracy = new Accuracy();
    for (CorpusDocument document : Corpus.generate(20240601L, 5)) {
      var pdf = new Document(document.truth().id() + ".pdf", "application/pdf", document.textPdf());
      accuracy.score(document.truth(), extractor.extract(pdf));
    }
    System.out.println(accuracy.table());
    accuracy.misses().forEach(System.out::println);
    for (Accuracy.Field field : Accuracy.Field.values()) {
      assertTrue(
          accuracy.of(field) >= 0.9, field + ": " + accuracy.of(field) + "\n" + accuracy.misses());
    }
  }
}
