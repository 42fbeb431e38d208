package dev.nightshift.calendar.scheduling;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * A task to place into free time.
 *
 * @param id unique within one request; stable across runs, it names the task's calendar events
 * @param duration the time still to place, a positive multiple of 15 minutes
 * @param minChunk with {@code maxChunk}: the task may be split into chunks of this size or more;
 *     both null means it is placed whole
 * @param maxChunk no chunk is longer; a multiple of 15 minutes, at least {@code minChunk}
 * @param due placed to end by then when possible; null for none
 */
public record TaskToSchedule(
    String id,
    String title,
    Duration duration,
    Duration minChunk,
    Duration maxChunk,
    Priority priority,
    Instant due) {

  public TaskToSchedule {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(priority, "priority");
    Grid.requireQuarters(duration, "duration");
    if ((minChunk == null) != (maxChunk == null)) {
      throw new IllegalArgumentException("minChunk and maxChunk go together");
    }
    if (minChunk != null) {
      Grid.requireQuarters(minChunk, "minChunk");
      Grid.requireQuarters(maxChunk, "maxChunk");
      if (minChunk.compareTo(maxChunk) > 0) {
        throw new IllegalArgumentException("minChunk exceeds maxChunk");
      }
    }
  }

  /** A task placed whole, in one piece. */
  public static TaskToSchedule whole(
      String id, String title, Duration duration, Priority priority, Instant due) {
    return new TaskToSchedule(id, title, duration, null, null, priority, due);
  }

  public boolean splittable() {
    return minChunk != null;
  }
}
