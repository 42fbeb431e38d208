package dev.nightshift.engine.runtime;

import java.time.Duration;

/**
 * The wait between tries of a background loop whose database is unreachable: doubling from {@code
 * initial} up to {@code max}, back to {@code initial} after a success. One per loop; not
 * thread-safe.
 */
public final class Backoff {

  private final Duration initial;
  private final Duration max;
  private Duration next;

  public Backoff(Duration initial, Duration max) {
    this.initial = initial;
    this.max = max;
    this.next = initial;
  }

  /** The wait the next {@link #pause} will take. */
  public Duration next() {
    return next;
  }

  /** Sleeps for the current wait and doubles it; returns early, interrupted, on interrupt. */
  public void pause() {
    try {
      Thread.sleep(next);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    var doubled = next.multipliedBy(2);
    next = doubled.compareTo(max) > 0 ? max : doubled;
  }

  public void reset() {
    next = initial;
  }
}
