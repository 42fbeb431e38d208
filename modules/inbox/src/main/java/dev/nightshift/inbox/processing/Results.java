package dev.nightshift.inbox.processing;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.item.InboxItem;
import dev.nightshift.inbox.item.ItemStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * Writes what process-document found. A document worth matching gets its match-inbox run in the
 * same transaction, so an item is never left extracted but unmatched.
 */
@ApplicationScoped
class Results {

  static final String MATCH_TASK = "match-inbox";

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
          MATCH_TASK,
          Map.of("teamId", item.teamId(), "inboxIds", List.of(item.id())),
          TriggerOptions.defaults()
              .withTeam(item.teamId())
              .withIdempotencyKey("match-inbox:" + item.id(), Duration.ofDays(1)));
    }
  }

  @Transactional
  void failed(InboxItem item, String reason) {
    items.fail(item.id(), reason);
  }

  private static boolean worthMatching(Extraction extraction) {
    return extraction.total() != null
        && (extraction.kind() == null || extraction.kind().value() != DocumentKind.OTHER);
  }
}
