package dev.nightshift.calendar.scheduling;

import java.time.Instant;

/**
 * Something the caller should know about one task.
 *
 * @param due the task's due date
 */
public record Warning(String taskId, Kind kind, Instant due, String message) {

  public enum Kind {
    /** Placed, but its last chunk ends after its due date: no free time before it sufficed. */
    AFTER_DEADLINE,
    /** Not placed at all: the window's free time does not hold it. */
    UNPLACED
  }
}
