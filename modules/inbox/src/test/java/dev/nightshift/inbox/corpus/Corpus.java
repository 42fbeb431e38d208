package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.util.ArrayList;
import java.util.List;

/** A seeded set of generated documents, the same number in each of the six languages. */
public final class Corpus {

  private Corpus() {}

  public static List<CorpusDocument> generate(long seed, int perLanguage) {
    var generator = new InvoiceGenerator(seed);
    var documents = new ArrayList<CorpusDocument>();
    for (Language language : Language.values()) {
      for (int i = 0; i < perLanguage; i++) {
        documents.add(generator.next(language, i));
      }
    }
    return documents;
  }
}
