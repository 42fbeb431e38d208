package dev.nightshift.engine;

import java.util.UUID;

/**
 * Publishes events to the outbox. Thread-safe; inject it anywhere.
 *
 * <p><b>Transactions.</b> A publish joins the caller's database transaction when there is one (a
 * {@code @Transactional} method): the event exists once that transaction commits and never if it
 * rolls back, so "the invoice was saved" and "InvoiceSaved was published" cannot disagree. Without
 * a transaction, the event is durable when the call returns.
 *
 * <p><b>Delivery.</b> A relay on every node hands committed events to the messaging channel {@value
 * #CHANNEL} (SmallRye Reactive Messaging) and marks them delivered once the message is
 * acknowledged. A nack, or no answer within {@code nightshift.events.ack-timeout}, hands the event
 * over again later with backoff: delivery is <em>at least once</em>, in no guaranteed order, so
 * consumers deduplicate by {@link Event#id()} (see {@link Event#idempotencyKey()}).
 *
 * <p><b>Consuming.</b> A module receives every event on its own incoming channel: <code>
 * &#64;Incoming("my-module-events") void on(Event event)</code>. Each incoming channel gets every
 * event (fan-out); a method that throws nacks it. docs/engine.md (Events) shows the configuration
 * for the in-process default, RabbitMQ and Kafka.
 */
public interface Events {

  /** The outgoing channel the relay sends to; configure its connector to move events elsewhere. */
  String CHANNEL = "nightshift-events-out";

  /** Published when a run completes; payload {@code {runId, task, status, teamId, output}}. */
  String RUN_COMPLETED = "run.completed";

  /**
   * Published when a run fails for good (attempts used up, non-retryable error, lost worker on the
   * last attempt) or times out; payload {@code {runId, task, status, teamId, error}}.
   */
  String RUN_FAILED = "run.failed";

  /**
   * Writes an event to the outbox and returns its id.
   *
   * @param name lowercase words separated by dots, such as {@code transactions.synced}; at most 128
   *     characters
   * @param teamId the team the event belongs to, or null for a system event
   * @param payload anything Jackson writes as a JSON object, or null for {@code {}}; at most {@code
   *     nightshift.events.max-payload-size}
   * @throws InvalidEventException for a bad name or a payload that is not a JSON object or too
   *     large
   */
  UUID publish(String name, UUID teamId, Object payload);
}
