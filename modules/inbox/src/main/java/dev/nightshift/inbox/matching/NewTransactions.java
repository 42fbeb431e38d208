package dev.nightshift.inbox.matching;

import dev.nightshift.contracts.transactions.TransactionsCreated;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Event;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * New transactions may be the payments of documents that wait: each {@code transactions.created}
 * triggers one {@code match-inbox} run over the team's waiting items, when it has any. The run's
 * idempotency key is the event's id, so an event the relay hands over twice makes one run.
 */
@ApplicationScoped
class NewTransactions {

  static final String CHANNEL = "inbox-matching-events";

  private final Engine engine;
  private final MatchItemStore items;

  NewTransactions(Engine engine, MatchItemStore items) {
    this.engine = engine;
    this.items = items;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = false)
  void on(Event event) {
    if (!TransactionsCreated.NAME.equals(event.name()) || event.teamId() == null) {
      return;
    }
    var team = event.teamId();
    // Most syncs find nothing waiting (a team that does not use the inbox, or has matched all):
    // no run for those.
    if (items.waiting(team, null, 1).isEmpty()) {
      return;
    }
    engine.trigger(
        MatchInboxTask.ID,
        new MatchInboxTask.Payload(team, List.of()),
        MatchInboxTask.options(team).withIdempotencyKey(event.idempotencyKey(), null));
  }
}
