package dev.nightshift.inbox.processing;

import dev.nightshift.engine.Engine;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.item.InboxItem;
import dev.nightshift.inbox.item.ItemStore;
import dev.nightshift.inbox.matching.MatchInboxTask;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;

/**
 * Writes what process-document found. A document worth matching gets its match-inbox run in the
 * same transaction, so an item is never left extracted but unmatched.
 */
@ApplicationScoped
class Results {

  private final ItemStore items;
  private final FieldsMapper mapper;
  private final Engine engine;

  Results(ItemStore items, FieldsMapper mapper, Engine engine) {
    this.items = items;
    this.mapper = mapper;
    this.engine = engine;
  }

  @Transactional
  void processed(InboxItem item, Extraction extraction) {
    items.saveExtraction(item.id(), mapper.toFields(extraction));
    if (worthMatching(extraction)) {
      engine.trigger(
          MatchInboxTask.ID,
          new MatchInboxTask.Payload(item.teamId(), List.of(item.id())),
          MatchInboxTask.options(item.teamId())
              .withIdempotencyKey("match-inbox:" + item.id(), Duration.ofDays(1)));
    }
  }

  @Transactional
  void failed(InboxItem item, String reason) {
    items.fail(item.id(), reason);
  }

  /** Matching needs an amount and a date to look around; an OTHER document is no bill. */
  private static boolean worthMatching(Extraction extraction) {
    return extraction.total() != null
        && (extraction.invoiceDate() != null || extraction.dueDate() != null)
        && (extraction.kind() == null || extraction.kind().value() != DocumentKind.OTHER);
  }
}
