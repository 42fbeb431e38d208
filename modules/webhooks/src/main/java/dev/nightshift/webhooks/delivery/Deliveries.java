package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.webhooks.subscription.Subscription;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Makes deliveries and hands each to a {@link DeliverTask} run, in one transaction: a delivery
 * exists exactly when its run does. Runs carry their subscription as concurrency key, so one
 * endpoint receives one delivery at a time.
 */
@ApplicationScoped
public class Deliveries {

  /** Events a subscription cannot ask for: a ping goes to one subscription, on request. */
  public static final String PING = "webhook.ping";

  /** How many failed deliveries one redelivery request reopens at most. */
  public static final int REDELIVER_LIMIT = 10_000;

  private final DeliveryStore store;
  private final SubscriptionStore subscriptions;
  private final Envelope envelope;
  private final Engine engine;
  private final ObjectMapper json;

  Deliveries(
      DeliveryStore store,
      SubscriptionStore subscriptions,
      Envelope envelope,
      Engine engine,
      ObjectMapper json) {
    this.store = store;
    this.subscriptions = subscriptions;
    this.envelope = envelope;
    this.engine = engine;
    this.json = json;
  }

  /** One delivery of the event to each of its team's active subscriptions that wants it. */
  @Transactional
  public int fanOut(Event event) {
    var made = new ArrayList<NewDelivery>();
    for (var subscription : subscriptions.listFor(event.teamId(), true)) {
      if (subscription.wants(event.name())) {
        var id = Ids.next();
        var body =
            envelope.write(
                id, event.name(), event.occurredAt(), event.id(), event.teamId(), event.payload());
        made.add(
            new NewDelivery(id, event.teamId(), subscription.id(), event.id(), event.name(), body));
      }
    }
    if (made.isEmpty()) {
      return 0;
    }
    var bySubscription =
        made.stream().collect(Collectors.toMap(NewDelivery::id, NewDelivery::subscriptionId));
    var fresh = store.insert(made);
    start(event.teamId(), fresh, bySubscription::get);
    return fresh.size();
  }

  /** A {@code webhook.ping} to one subscription, whatever events it wants and even when off. */
  @Transactional
  public Delivery ping(Subscription subscription) {
    var id = Ids.next();
    var data = json.createObjectNode().put("subscriptionId", subscription.id().toString());
    var body = envelope.write(id, PING, Instant.now(), null, subscription.teamId(), data);
    store.insert(
        List.of(new NewDelivery(id, subscription.teamId(), subscription.id(), null, PING, body)));
    start(subscription.teamId(), List.of(id), ignored -> subscription.id());
    return store.find(id).orElseThrow();
  }

  /** Tries a finished delivery again from its first attempt; false when it is still pending. */
  @Transactional
  public boolean redeliver(Delivery delivery) {
    if (!store.reopen(delivery.id())) {
      return false;
    }
    start(delivery.teamId(), List.of(delivery.id()), ignored -> delivery.subscriptionId());
    return true;
  }

  /** Tries again the subscription's deliveries that failed since {@code since}, oldest first. */
  @Transactional
  public int redeliverFailed(Subscription subscription, Instant since) {
    var reopened = store.reopenFailed(subscription.id(), since, REDELIVER_LIMIT);
    start(subscription.teamId(), reopened, ignored -> subscription.id());
    return reopened.size();
  }

  private void start(UUID team, List<UUID> deliveries, Function<UUID, UUID> subscriptionOf) {
    if (deliveries.isEmpty()) {
      return;
    }
    var items =
        deliveries.stream()
            .map(
                id ->
                    new Engine.BatchItem(
                        new DeliverTask.Payload(id),
                        TriggerOptions.defaults()
                            .withTeam(team)
                            .withConcurrencyKey(subscriptionOf.apply(id).toString())))
            .toList();
    var runs = engine.batchTrigger(DeliverTask.ID, items).stream().map(r -> r.id()).toList();
    store.assignRuns(deliveries, runs);
  }
}
