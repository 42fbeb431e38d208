package dev.nightshift.inbox.processing;

import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A strategy that fails the first time it sees a file named {@code flaky-once*}, so that its run is
 * retried and replays the steps recorded before it; every other file it leaves alone.
 */
@ApplicationScoped
public class FlakyOnceExtractor implements Extractor {

  private final Set<String> failed = ConcurrentHashMap.newKeySet();

  @Override
  public String name() {
    return "flaky-once";
  }

  @Override
  public int order() {
    return 25;
  }

  @Override
  public boolean accepts(Document document) {
    return document.fileName().startsWith("flaky-once");
  }

  @Override
  public Extraction extract(Document document) {
    if (failed.add(document.fileName())) {
      throw new IllegalStateException("failing once, on purpose");
    }
    return Extraction.EMPTY;
  }
}
