package dev.nightshift.engine.runtime.worker;

import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Wakes the dispatcher early: when a notification says work arrived, or when a slot frees up.
 * Signals while it is awake are coalesced into one.
 */
final class WakeSignal {

  private final BlockingQueue<Boolean> pending = new ArrayBlockingQueue<>(1);

  void signal() {
    pending.offer(Boolean.TRUE);
  }

  /** Waits for a signal or the timeout, whichever comes first. */
  void await(Duration timeout) throws InterruptedException {
    pending.poll(timeout.toMillis(), TimeUnit.MILLISECONDS);
  }
}
