package dev.nightshift.inbox.processing;

import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.inbox.extraction.Document;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.extraction.Extractor;
import dev.nightshift.inbox.extraction.UnreadableDocumentException;
import dev.nightshift.inbox.item.InboxItem;
import dev.nightshift.inbox.item.ItemStatus;
import dev.nightshift.inbox.item.ItemStore;
import dev.nightshift.platform.blob.BlobStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Map;
import java.util.UUID;

/**
 * Reads an inbox item's document through the extraction chain, one durable step per strategy, so
 * the run shows what each strategy found and a retried run does not read the document again with
 * strategies that already answered. The item ends PROCESSED, or FAILED with a reason.
 */
@ApplicationScoped
@TaskDefinition(
    id = ProcessDocumentTask.ID,
    queue = "inbox",
    concurrencyLimit = 4,
    maxAttempts = 3,
    maxDuration = "10m")
public class ProcessDocumentTask implements Task<ProcessDocumentTask.Payload, Extraction> {

  public static final String ID = "process-document";

  public record Payload(@NotNull UUID inboxId) {}

  private final ItemStore items;
  private final BlobStore blobs;
  private final ExtractionChain chain;
  private final Results results;

  ProcessDocumentTask(ItemStore items, BlobStore blobs, ExtractionChain chain, Results results) {
    this.items = items;
    this.blobs = blobs;
    this.chain = chain;
    this.results = results;
  }

  @Override
  public Extraction run(Payload payload, TaskContext ctx) throws Exception {
    var item = items.find(payload.inboxId()).orElse(null);
    if (item == null || item.status() == ItemStatus.PROCESSED) {
      return Extraction.EMPTY;
    }
    try {
      return process(item, ctx);
    } catch (Exception e) {
      if (ctx.attempt() >= ctx.maxAttempts() || e instanceof NonRetryableException) {
        results.failed(item, "extraction failed: " + e.getMessage());
      }
      throw e;
    }
  }

  private Extraction process(InboxItem item, TaskContext ctx) throws Exception {
    items.startProcessing(item.id());
    var document = new Document(item.fileName(), item.contentType(), read(item));
    var strategies = chain.strategiesFor(document);
    if (strategies.isEmpty()) {
      results.failed(item, chain.whyNone(document));
      return Extraction.EMPTY;
    }
    var found = Extraction.EMPTY;
    var unreadable = new ArrayList<String>();
    for (int i = 0; i < strategies.size(); i++) {
      var strategy = strategies.get(i);
      ctx.progress(i, strategies.size(), strategy.name());
      var complete = found.isComplete();
      var outcome =
          ctx.step(
              strategy.name(),
              StrategyOutcome.class,
              () -> attempt(strategy, document, complete, ctx));
      found = found.merge(outcome.found());
      if (outcome.unreadable() != null) {
        unreadable.add(outcome.unreadable());
      }
    }
    ctx.progress(strategies.size(), strategies.size(), "done");
    if (found.isEmpty()) {
      var reason =
          unreadable.isEmpty()
              ? "no invoice fields could be read from the document"
              : String.join("; ", unreadable);
      results.failed(item, reason);
      return found;
    }
    ctx.metadata(Map.of("complete", found.isComplete()));
    results.processed(item, found);
    return found;
  }

  private static StrategyOutcome attempt(
      Extractor strategy, Document document, boolean complete, TaskContext ctx) {
    if (complete && strategy.order() >= ExtractionChain.COSTLY) {
      return StrategyOutcome.skippedAsComplete();
    }
    try {
      return StrategyOutcome.found(strategy.extract(document));
    } catch (UnreadableDocumentException e) {
      return StrategyOutcome.unreadable(e.getMessage());
    } catch (RuntimeException e) {
      // A strategy that failed on every attempt (a cloud that stayed down) must not cost the
      // document what the other strategies read: the last attempt goes on without it.
      if (ctx.attempt() < ctx.maxAttempts()) {
        throw e;
      }
      return StrategyOutcome.gaveUp(strategy.name() + " failed: " + e.getMessage());
    }
  }

  private byte[] read(InboxItem item) throws IOException {
    try (var in = blobs.open(item.blobKey())) {
      return in.readAllBytes();
    }
  }
}
