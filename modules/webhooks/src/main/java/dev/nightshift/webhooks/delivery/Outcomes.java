package dev.nightshift.webhooks.delivery;

import dev.nightshift.engine.Events;
import dev.nightshift.webhooks.config.WebhooksConfig;
import dev.nightshift.webhooks.subscription.Subscription;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What an attempt makes of its delivery and subscription. 2xx succeeds. 410 fails it and turns the
 * subscription off. Anything else leaves it pending until its next attempt, or fails it after the
 * last one, counting against the subscription, which is turned off after {@code
 * nightshift.webhooks.disable-after-failures} such failures in a row. Successes are written
 * together, a retry in one statement, and a failure for good in one transaction with what it does
 * to the subscription and the {@code webhook.disabled} event it may publish.
 */
@ApplicationScoped
class Outcomes {

  static final String DISABLED_EVENT = "webhook.disabled";

  private final DeliveryStore deliveries;
  private final SubscriptionStore subscriptions;
  private final RetrySchedule retries;
  private final Events events;
  private final WebhooksConfig config;

  Outcomes(
      DeliveryStore deliveries,
      SubscriptionStore subscriptions,
      RetrySchedule retries,
      Events events,
      WebhooksConfig config) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.retries = retries;
    this.events = events;
    this.config = config;
  }

  /**
   * Records accepted attempts together. A subscription's run of failures ends with the first
   * delivery of an event that succeeds.
   */
  void recordSucceeded(List<DeliveryStore.Success> successes, Subscription subscription, UUID run) {
    if (successes.isEmpty()) {
      return;
    }
    deliveries.recordSucceeded(successes, run);
    if (subscription.consecutiveFailures() > 0
        && successes.stream().anyMatch(success -> !success.ping())) {
      subscriptions.recordSuccess(subscription.id());
    }
  }

  /** Records an attempt the endpoint did not accept; answers the delivery's status after it. */
  String recordFailed(Delivery delivery, Subscription subscription, Attempt attempt, UUID run) {
    int number = delivery.roundAttempts() + 1;
    if (!attempt.gone() && retries.hasAttemptAfter(number)) {
      var next = attempt.attemptedAt().plus(retries.after(number, attempt));
      deliveries.record(delivery.id(), attempt, Delivery.PENDING, next, run);
      return Delivery.PENDING;
    }
    QuarkusTransaction.requiringNew()
        .run(
            () -> {
              deliveries.record(delivery.id(), attempt, Delivery.FAILED, null, run);
              if (attempt.gone()) {
                if (subscriptions.disable(subscription.id(), "gone")) {
                  publishDisabled(subscription, "gone");
                }
              } else if (!delivery.isPing()
                  && subscriptions.recordFailure(
                      subscription.id(), config.disableAfterFailures())) {
                publishDisabled(subscription, "failing");
              }
            });
    return Delivery.FAILED;
  }

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
