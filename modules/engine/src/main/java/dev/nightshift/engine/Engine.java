package dev.nightshift.engine;

import java.util.List;
import java.util.UUID;

/**
 * Triggers and controls runs. Thread-safe; inject it anywhere.
 *
 * <p><b>Transactions.</b> A trigger joins the caller's database transaction when there is one (a
 * {@code @Transactional} method): the run exists once that transaction commits and never if it
 * rolls back. Without a transaction, the run is durable when the call returns.
 */
public interface Engine {

  /**
   * Triggers one run of the task {@code taskId}.
   *
   * @throws UnknownTaskException when no task has that id
   * @throws InvalidPayloadException when the payload does not fit the task's payload type
   */
  TriggerResult trigger(String taskId, Object payload, TriggerOptions options);

  /** Triggers many runs of one task in one database round trip, results in input order. */
  List<TriggerResult> batchTrigger(String taskId, List<BatchItem> items);

  /**
   * Cancels a run that has not finished: a queued run never starts, an executing one is interrupted
   * and its result ignored. Returns false if the run had already finished.
   */
  boolean cancel(UUID runId);

  /** One payload of a batch trigger, with its own options. */
  record BatchItem(Object payload, TriggerOptions options) {}
}
