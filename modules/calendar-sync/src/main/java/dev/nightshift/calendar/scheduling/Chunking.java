package dev.nightshift.calendar.scheduling;

/**
 * How long the next chunk of a task is, in quarter hours. A task without split settings is one
 * chunk. A split task's chunks lie between its minimum and maximum; the last one is shorter than
 * the minimum only when no split into chunks within the bounds exists (50 minutes in chunks of 30
 * to 40 becomes 40 + 10), and then only the last.
 */
final class Chunking {

  private final int min;
  private final int max;
  private final boolean whole;

  Chunking(TaskToSchedule task) {
    whole = !task.splittable();
    min = whole ? 0 : quarters(task.minChunk().toSeconds());
    max = whole ? 0 : quarters(task.maxChunk().toSeconds());
  }

  static int quarters(long seconds) {
    return (int) (seconds / Grid.QUARTER);
  }

  /**
   * The length of the chunk to place into a free gap, or 0 when none fits there.
   *
   * @param remaining quarters of the task still to place
   * @param gap quarters free from the gap's start
   */
  int next(int remaining, int gap) {
    if (whole || remaining < min) {
      return remaining <= gap ? remaining : 0;
    }
    if (!splits(remaining)) {
      // No split within the bounds exists: full chunks now, the short remainder last.
      int chunk = Math.min(max, gap);
      return chunk >= min ? chunk : 0;
    }
    // Longest chunk that leaves nothing, or a remainder that itself splits within the bounds.
    for (int chunk = Math.min(Math.min(max, remaining), gap); chunk >= min; chunk--) {
      if (chunk == remaining || splits(remaining - chunk)) {
        return chunk;
      }
    }
    return 0;
  }

  /** Whether {@code quarters} is a sum of chunks each between min and max. */
  private boolean splits(int quarters) {
    int fewest = Math.ceilDiv(quarters, max);
    return (long) fewest * min <= quarters;
  }
}
