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
import java.util.stream.Collectors;

/**
 * Makes deliveries and sees that a {@link DeliverTask} run will take them, in one transaction: a
 * subscription with due deliveries always has such a run queued or executing. One run per
 * subscription delivers its backlog in order; runs carry their subscription as concurrency key, so
 * one endpoint receives one delivery at a time.
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
    drain(event.teamId(), fresh.stream().map(bySubscription::get).distinct().toList());
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
    drain(subscription.teamId(), List.of(subscription.id()));
    return store.find(id).orElseThrow();
  }

  /** Tries a finished delivery again from its first attempt; false when it is still pending. */
  @Transactional
  public boolean redeliver(Delivery delivery) {
    if (!store.reopen(delivery.id())) {
      return false;
    }
    drain(delivery.teamId(), List.of(delivery.subscriptionId()));
    return true;
  }

  /** Tries again the subscription's deliveries that failed since {@code since}, oldest first. */
  @Transactional
  public int redeliverFailed(Subscription subscription, Instant since) {
    var reopened = store.reopenFailed(subscription.id(), since, REDELIVER_LIMIT);
    if (!reopened.isEmpty()) {
      drain(subscription.teamId(), List.of(subscription.id()));
    }
    return reopened.size();
  }

  /**
   * Sees that a run will deliver what is due for these subscriptions: one is triggered for each
   * that has none queued. Joins the caller's transaction.
   */
  void drain(UUID team, List<UUID> subscriptionIds) {
    if (subscriptionIds.isEmpty()) {
      return;
    }
    var needRun = subscriptions.requestDrains(subscriptionIds);
    if (needRun.isEmpty()) {
      return;
    }
    var items =
        needRun.stream()
            .map(id -> new Engine.BatchItem(new DeliverTask.Payload(id), runOptions(team, id)))
            .toList();
    engine.batchTrigger(DeliverTask.ID, items);
  }

  /** A run for the subscription's retries at {@code when}; the same time makes one run. */
  void drainAt(UUID team, UUID subscription, Instant when) {
    engine.trigger(
        DeliverTask.ID,
        new DeliverTask.Payload(subscription),
        runOptions(team, subscription)
            .withRunAt(when)
            .withIdempotencyKey("retry:" + subscription + ":" + when.toEpochMilli(), null));
  }

  /** A run for the subscription whatever its mark says; one per minute, by idempotency key. */
  void rescue(UUID team, UUID subscription) {
    engine.trigger(
        DeliverTask.ID,
        new DeliverTask.Payload(subscription),
        runOptions(team, subscription)
            .withIdempotencyKey(
                "sweep:" + subscription + ":" + Instant.now().getEpochSecond() / 60, null));
  }

  /** The subscription is the run's concurrency key: one run delivers to it at a time. */
  private static TriggerOptions runOptions(UUID team, UUID subscription) {
    return TriggerOptions.defaults().withTeam(team).withConcurrencyKey(subscription.toString());
  }
}
