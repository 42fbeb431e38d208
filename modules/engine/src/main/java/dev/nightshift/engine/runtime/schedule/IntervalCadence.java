package dev.nightshift.engine.runtime.schedule;

import java.time.Duration;
import java.time.Instant;

/**
 * Every {@code interval}, counted from the Unix epoch: the same times on every node and after every
 * restart, and independent of time zones and daylight saving.
 */
record IntervalCadence(Duration interval) implements Cadence {

  @Override
  public Instant next(Instant after) {
    long period = interval.toMillis();
    long index = Math.floorDiv(after.toEpochMilli(), period) + 1;
    return Instant.ofEpochMilli(index * period);
  }
}
