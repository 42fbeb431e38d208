package dev.nightshift.calendar.scheduling;

import java.time.Instant;

/** Time taken by an existing event: nothing is placed over it, and it is never moved. */
public record BusyTime(Instant start, Instant end) {

  public BusyTime {
    if (!start.isBefore(end)) {
      throw new IllegalArgumentException("Busy time ends after it starts");
    }
  }
}
