package dev.nightshift.webhooks.delivery;

import dev.nightshift.engine.Events;
import dev.nightshift.webhooks.config.WebhooksConfig;
import dev.nightshift.webhooks.subscription.Subscription;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.Map;

/**
 * What an attempt makes of its delivery and subscription, written in one transaction with the
 * attempt: 2xx succeeds; 410 fails it and turns the subscription off; anything else stays pending
 * for a retry, or fails on the last attempt and counts against the subscription, which is turned
 * off after {@code nightshift.webhooks.disable-after-failures} such failures in a row. Turning a
 * subscription off publishes {@code webhook.disabled} with the same commit.
 */
@ApplicationScoped
class Outcomes {

  static final String DISABLED_EVENT = "webhook.disabled";

  private final DeliveryStore deliveries;
  private final SubscriptionStore subscriptions;
  private final Events events;
  private final WebhooksConfig config;

  Outcomes(
      DeliveryStore deliveries,
      SubscriptionStore subscriptions,
      Events events,
      WebhooksConfig config) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.events = events;
    this.config = config;
  }

  /** Records the attempt and answers the delivery's status after it. */
  @Transactional
  String record(Delivery delivery, Subscription subscription, Attempt attempt, boolean last) {
    String status;
    if (attempt.succeeded()) {
      status = Delivery.SUCCEEDED;
      if (!delivery.isPing() && subscription.consecutiveFailures() > 0) {
        subscriptions.recordSuccess(subscription.id());
      }
    } else if (attempt.gone()) {
      status = Delivery.FAILED;
      if (subscriptions.disable(subscription.id(), "gone")) {
        publishDisabled(subscription, "gone");
      }
    } else if (last) {
      status = Delivery.FAILED;
      if (!delivery.isPing()
          && subscriptions.recordFailure(subscription.id(), config.disableAfterFailures())) {
        publishDisabled(subscription, "failing");
      }
    } else {
      status = Delivery.PENDING;
    }
    deliveries.record(delivery.id(), attempt, status);
    return status;
  }

  @Transactional
  void abandon(Delivery delivery, String reason) {
    deliveries.abandon(delivery.id(), reason);
  }

  private void publishDisabled(Subscription subscription, String reason) {
    events.publish(
        DISABLED_EVENT,
        subscription.teamId(),
        Map.of(
            "subscriptionId", subscription.id().toString(),
            "url", subscription.url(),
            "reason", reason));
  }
}
