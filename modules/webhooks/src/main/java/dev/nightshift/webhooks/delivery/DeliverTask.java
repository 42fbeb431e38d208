package dev.nightshift.webhooks.delivery;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.webhooks.config.WebhooksConfig;
import dev.nightshift.webhooks.subscription.Signing;
import dev.nightshift.webhooks.subscription.SubscriptionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Delivers a subscription's due deliveries, oldest first, one POST at a time, recording each
 * attempt: one run carries many deliveries, so a delivery costs a POST and a statement rather than
 * a run. A failed delivery waits for its next attempt ({@code nightshift.webhooks.retry.*}); when
 * nothing more is due the run asks for another at the time the next retry is due. After {@code
 * drain-batch} deliveries it hands the rest to a new run, so that busy subscriptions take turns.
 *
 * <p>The queue's limit of 1 applies per subscription, the runs' concurrency key: one endpoint
 * receives one delivery at a time, across nodes, and a slow one holds a single worker. At most 32
 * such runs execute at once across all nodes, so endpoints that all hang together cannot take every
 * worker from the other queues.
 */
@ApplicationScoped
@TaskDefinition(
    id = DeliverTask.ID,
    queue = "webhooks",
    concurrencyLimit = 1,
    queueLimit = 32,
    maxAttempts = 5,
    maxDuration = "10m")
public class DeliverTask implements Task<DeliverTask.Payload, DeliverTask.Result> {

  public static final String ID = "webhook-deliver";

  /** Due deliveries read at a time. */
  private static final int PAGE = 100;

  /**
   * Accepted deliveries are recorded together, up to this many or once the oldest waited 200 ms; a
   * slow endpoint's at once, since there is nothing to gain. After a crash, the deliveries accepted
   * but not yet recorded are sent again, with the same webhook-id.
   */
  private static final int RECORD_BATCH = 50;

  private static final long RECORD_WAIT_NANOS = 200_000_000L;
  private static final long SLOW_MS = 100;

  public record Payload(@NotNull UUID subscriptionId) {}

  /** What this run did: deliveries that succeeded, failed for good, and wait for a retry. */
  public record Result(int succeeded, int failed, int retrying) {}

  private final DeliveryStore deliveries;
  private final SubscriptionStore subscriptions;
  private final Deliveries scheduling;
  private final Sender sender;
  private final Outcomes outcomes;
  private final WebhooksConfig config;

  DeliverTask(
      DeliveryStore deliveries,
      SubscriptionStore subscriptions,
      Deliveries scheduling,
      Sender sender,
      Outcomes outcomes,
      WebhooksConfig config) {
    this.deliveries = deliveries;
    this.subscriptions = subscriptions;
    this.scheduling = scheduling;
    this.sender = sender;
    this.outcomes = outcomes;
    this.config = config;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) {
    var id = payload.subscriptionId();
    // Cleared before reading what is due: a delivery made from now on gets a run of its own.
    subscriptions.clearDrainRequest(id);
    var signing = subscriptions.signing(id).orElse(null);
    if (signing == null) {
      return new Result(0, 0, 0);
    }
    int succeeded = 0;
    int failed = 0;
    int retrying = 0;
    int taken = 0;
    var accepted = new ArrayList<DeliveryStore.Success>(RECORD_BATCH);
    long firstAccepted = 0;
    while (taken < config.drainBatch() && !ctx.isCancelled()) {
      var due = deliveries.due(id, Math.min(PAGE, config.drainBatch() - taken));
      if (due.isEmpty()) {
        break;
      }
      for (var work : due) {
        taken++;
        var delivery = work.delivery();
        if (!signing.subscription().active() && !delivery.isPing()) {
          outcomes.abandon(delivery, "The subscription is disabled.");
          failed++;
          continue;
        }
        var attempt = sender.send(delivery, work.body(), signing);
        if (attempt.succeeded()) {
          if (accepted.isEmpty()) {
            firstAccepted = System.nanoTime();
          }
          accepted.add(new DeliveryStore.Success(delivery.id(), delivery.isPing(), attempt));
          succeeded++;
          if (accepted.size() >= RECORD_BATCH
              || attempt.durationMs() >= SLOW_MS
              || System.nanoTime() - firstAccepted >= RECORD_WAIT_NANOS) {
            signing = flush(accepted, signing, ctx);
          }
          continue;
        }
        signing = flush(accepted, signing, ctx);
        if (Delivery.PENDING.equals(
            outcomes.recordFailed(delivery, signing.subscription(), attempt, ctx.runId()))) {
          retrying++;
        } else {
          failed++;
          // It may have turned the subscription off or counted a failure.
          signing = subscriptions.signing(id).orElse(signing);
        }
      }
      signing = flush(accepted, signing, ctx);
    }
    var team = signing.subscription().teamId();
    if (taken >= config.drainBatch()) {
      QuarkusTransaction.requiringNew().run(() -> scheduling.drain(team, List.of(id)));
    } else {
      deliveries.nextDue(id).ifPresent(next -> scheduling.drainAt(team, id, next));
    }
    return new Result(succeeded, failed, retrying);
  }

  /** Records the accepted deliveries so far; a run of failures they ended shows in the answer. */
  private Signing flush(List<DeliveryStore.Success> accepted, Signing signing, TaskContext ctx) {
    if (accepted.isEmpty()) {
      return signing;
    }
    outcomes.recordSucceeded(accepted, signing.subscription(), ctx.runId());
    boolean failuresEnded = signing.subscription().consecutiveFailures() > 0;
    accepted.clear();
    return failuresEnded
        ? subscriptions.signing(signing.subscription().id()).orElse(signing)
        : signing;
  }
}
