package dev.nightshift.webhooks.delivery;

import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.RetryLaterException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.util.UUID;

/**
 * Carries out one delivery: a POST per attempt, recorded, retried by the engine with exponential
 * backoff and jitter over about a day (eleven attempts: 30 s, then three times longer each, at most
 * 6 h apart; a 429 or 503 with {@code Retry-After} sets the wait, up to 6 h). The queue's limit of
 * 1 applies per subscription, the runs' concurrency key: one endpoint receives one delivery at a
 * time, and a slow one holds a single worker. At most 32 deliveries run at once across all nodes,
 * so endpoints that all hang at once cannot take every worker from the other queues.
 */
@ApplicationScoped
@TaskDefinition(
    id = DeliverTask.ID,
    queue = "webhooks",
    concurrencyLimit = 1,
    queueLimit = 32,
    maxAttempts = 11,
    backoffBase = "30s",
    backoffFactor = 3.0,
    backoffMax = "6h",
    backoffJitter = 0.3,
    maxDuration = "2m")
public class DeliverTask implements Task<DeliverTask.Payload, DeliverTask.Result> {

  public static final String ID = "webhook-deliver";

  /** A receiver's Retry-After is honoured up to the longest backoff. */
  static final Duration LONGEST_RETRY_AFTER = Duration.ofHours(6);

  public record Payload(@NotNull UUID deliveryId) {}

  /** The delivery's status when the run ended, and the endpoint's last answer. */
  public record Result(String status, Integer statusCode) {}

  private final DeliveryStore deliveries;
  private final SubscriptionStore subscriptions;
  private final Sender sender;
  private final Outcomes outcomes;

  DeliverTask(
      DeliveryStore deliveries, SubscriptionStore subscriptions, Sender sender, Outcomes outcomes) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.sender = sender;
    this.outcomes = outcomes;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) {
    var work = deliveries.work(payload.deliveryId()).orElse(null);
    if (work == null) {
      return new Result("deleted", null);
    }
    var delivery = work.delivery();
    if (!delivery.isPending()) {
      // An attempt recorded its outcome, then its worker was lost before the run completed.
      return new Result(delivery.status(), delivery.lastStatusCode());
    }
    var signing = subscriptions.signing(delivery.subscriptionId()).orElseThrow();
    var subscription = signing.subscription();
    if (!subscription.active() && !delivery.isPing()) {
      outcomes.abandon(delivery, "The subscription is disabled.");
      return new Result(Delivery.FAILED, null);
    }
    var attempt = sender.send(delivery, work.body(), signing);
    var status =
        outcomes.record(delivery, subscription, attempt, ctx.attempt() >= ctx.maxAttempts());
    if (attempt.gone()) {
      throw new NonRetryableException(
          "The endpoint answered 410 Gone: the subscription is disabled.");
    }
    if (Delivery.PENDING.equals(status)) {
      var wait = attempt.retryAfter(LONGEST_RETRY_AFTER);
      if (wait != null) {
        throw new RetryLaterException(attempt.failure() + ", asking to retry in " + wait, wait);
      }
    }
    if (!Delivery.SUCCEEDED.equals(status)) {
      throw new DeliveryFailedException(attempt.failure());
    }
    return new Result(status, attempt.statusCode());
  }
}
