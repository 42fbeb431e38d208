package dev.nightshift.inbox.intake;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.inbox.config.InboxConfig;
import dev.nightshift.inbox.item.InboxItem;
import dev.nightshift.inbox.item.ItemStore;
import dev.nightshift.inbox.item.NewItem;
import dev.nightshift.inbox.item.Source;
import dev.nightshift.inbox.processing.ProcessDocumentTask;
import dev.nightshift.platform.blob.BlobStore;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.Locale;
import java.util.UUID;

/**
 * The one door into a team's inbox, whichever way a document came. The content goes to the blob
 * store first; the item and its process-document run are then written in one transaction, so an
 * accepted document is durable and will be extracted before the caller hears back.
 */
@ApplicationScoped
public class Intake {

  private final DocumentRules rules;
  private final BlobStore blobs;
  private final ItemStore items;
  private final Engine engine;
  private final InboxConfig config;
  private final MeterRegistry meters;

  Intake(
      DocumentRules rules,
      BlobStore blobs,
      ItemStore items,
      Engine engine,
      InboxConfig config,
      MeterRegistry meters) {
    this.rules = rules;
    this.blobs = blobs;
    this.items = items;
    this.engine = engine;
    this.config = config;
    this.meters = meters;
  }

  /**
   * Counted as {@code nightshift.inbox.received} by source and outcome, so a flood of skipped
   * attachments or duplicates shows on a dashboard.
   *
   * @throws DocumentTooLargeException above {@code nightshift.inbox.max-document-size}
   */
  @Transactional
  public Received accept(UUID team, Incoming incoming) {
    return counted(incoming.source(), receive(team, incoming));
  }

  /** A file its channel turned away before intake could look at it (say, content not base64). */
  public Received skipped(Source source, String referenceId, String fileName, String reason) {
    return counted(
        source, new Received(referenceId, fileName, Received.Outcome.SKIPPED, null, null, reason));
  }

  private Received counted(Source source, Received received) {
    meters
        .counter(
            "nightshift.inbox.received",
            "source",
            source.name().toLowerCase(Locale.ROOT),
            "outcome",
            received.outcome().name().toLowerCase(Locale.ROOT))
        .increment();
    return received;
  }

  private Received receive(UUID team, Incoming incoming) {
    long limit = config.maxDocumentSize().asLongValue();
    if (incoming.content().length > limit) {
      throw new DocumentTooLargeException(incoming.fileName(), incoming.content().length, limit);
    }
    var known = items.findByReference(team, incoming.referenceId());
    if (known.isPresent()) {
      return duplicate(incoming, known.get());
    }
    var verdict = rules.judge(incoming.fileName(), incoming.content());
    if (!verdict.accepted()) {
      return new Received(
          incoming.referenceId(),
          incoming.fileName(),
          Received.Outcome.SKIPPED,
          null,
          null,
          verdict.skipReason());
    }
    var stored = store(incoming.content());
    var created =
        items.insertIfNew(
            new NewItem(
                team,
                incoming.referenceId(),
                incoming.source(),
                stored,
                incoming.fileName(),
                verdict.contentType(),
                incoming.content().length,
                incoming.sender(),
                incoming.subject()));
    if (created.isEmpty()) {
      // Another request with the same reference committed first.
      return duplicate(incoming, items.findByReference(team, incoming.referenceId()).orElseThrow());
    }
    var item = created.get();
    var run =
        engine.trigger(
            ProcessDocumentTask.ID,
            new ProcessDocumentTask.Payload(item.id()),
            TriggerOptions.defaults()
                .withTeam(team)
                .withIdempotencyKey("process-document:" + item.id(), Duration.ofDays(30)));
    items.recordRun(item.id(), run.id());
    return new Received(
        incoming.referenceId(),
        incoming.fileName(),
        Received.Outcome.CREATED,
        item.id(),
        run.id(),
        null);
  }

  private String store(byte[] content) {
    try {
      return blobs.put(content).key();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not store the document", e);
    }
  }

  private static Received duplicate(Incoming incoming, InboxItem item) {
    return new Received(
        incoming.referenceId(),
        incoming.fileName(),
        Received.Outcome.DUPLICATE,
        item.id(),
        item.processRunId(),
        null);
  }
}
