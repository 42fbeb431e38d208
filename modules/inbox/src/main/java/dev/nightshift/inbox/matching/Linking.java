package dev.nightshift.inbox.matching;

import dev.nightshift.contracts.inbox.InboxMatched;
import dev.nightshift.engine.Events;
import dev.nightshift.inbox.matching.score.Score;
import dev.nightshift.inbox.matching.store.MatchItem;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import dev.nightshift.inbox.matching.store.Suggestion;
import dev.nightshift.inbox.matching.store.SuggestionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;

/**
 * Links an item to a transaction, whoever decided: the item becomes MATCHED, the pair CONFIRMED,
 * the item's other pending suggestions go, and {@code inbox.matched} is published. Runs in the
 * caller's transaction, which holds the item's row lock, so the event and the link commit together.
 */
@ApplicationScoped
class Linking {

  private final MatchItemStore items;
  private final SuggestionStore suggestions;
  private final Events events;

  Linking(MatchItemStore items, SuggestionStore suggestions, Events events) {
    this.items = items;
    this.suggestions = suggestions;
    this.events = events;
  }

  /** Links the one confident candidate matching found. */
  void autoLink(MatchItem item, UUID transaction, Score score) {
    suggestions.saveConfirmed(item.teamId(), item.id(), transaction, score, Suggestion.AUTO);
    suggestions.deletePendingExcept(item.id(), List.of(transaction));
    items.link(item.id(), transaction);
    publish(item, transaction, BigDecimal.valueOf(score.total()), "auto");
  }

  /** Links through a suggestion a person confirmed, keeping its scores. */
  void confirm(MatchItem item, Suggestion suggestion) {
    suggestions.decide(
        item.id(), suggestion.transactionId(), Suggestion.CONFIRMED, Suggestion.USER);
    suggestions.deletePendingExcept(item.id(), List.of(suggestion.transactionId()));
    items.link(item.id(), suggestion.transactionId());
    publish(item, suggestion.transactionId(), suggestion.score(), "confirmed");
  }

  private void publish(MatchItem item, UUID transaction, BigDecimal score, String how) {
    events.publish(
        InboxMatched.NAME,
        item.teamId(),
        new InboxMatched(item.teamId(), item.id(), transaction, how, score));
  }
}
