package dev.nightshift.engine;

import java.util.UUID;

/**
 * How {@link TaskContext#waitForEvent} ended: the event arrived, or the timeout came first. A
 * timeout is a result, not an exception, so the run can decide what it means.
 */
public sealed interface EventWait<T> {

  /** The first matching event published while the run waited. */
  record Received<T>(UUID eventId, T payload) implements EventWait<T> {}

  /** No matching event was published before the timeout. */
  record TimedOut<T>() implements EventWait<T> {}
}
