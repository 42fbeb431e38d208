package dev.nightshift.engine;

import io.quarkus.scheduler.ScheduledExecution;
import java.time.Duration;
import java.util.Optional;

/**
 * Static schedules ("system ticks") declared by modules as Quarkus {@code @Scheduled} methods.
 * Quarkus fires such a method on every replica; this turns each fire into one run cluster-wide, by
 * triggering with the idempotency key {@code tick:<task>:<fire time>}. Thread-safe.
 *
 * <pre>{@code
 * @Scheduled(cron = "${nightshift.ticks.inbox-poll.cron:0 * * * * ?}", identity = "inbox-poll")
 * void pollInboxes(ScheduledExecution execution) {
 *   ticks.tick(execution, "inbox-poll", new InboxPoll.Payload());
 * }
 * }</pre>
 *
 * <p>On a node with {@code nightshift.scheduler.enabled=false} nothing is triggered.
 */
public interface Ticks {

  /**
   * For a {@code cron} method: triggers {@code taskId} once per scheduled fire time (to the
   * second), however many replicas call it. Empty when this node's scheduler is disabled.
   *
   * @throws UnknownTaskException when no task has that id
   * @throws InvalidPayloadException when the payload does not fit the task's payload type
   */
  Optional<TriggerResult> tick(ScheduledExecution execution, String taskId, Object payload);

  /**
   * For an {@code every} method, with its period: an interval counts from each replica's own start,
   * so replicas never share fire times; this keys the run by the period the fire time falls in
   * (counted from the Unix epoch), one run per period. An interval may drift by up to a second per
   * fire, so a period can now and then pass without a run: use {@code cron} where every period must
   * run.
   */
  Optional<TriggerResult> tick(
      ScheduledExecution execution, String taskId, Object payload, Duration every);
}
