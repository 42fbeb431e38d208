package dev.nightshift.calendar.scheduling;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The free time left to place tasks in: disjoint, non-touching intervals on the quarter-hour grid,
 * kept sorted by start (start to end, in epoch seconds). A month of working days holds a few
 * hundred intervals, so finding the first fit by walking from the front is cheap.
 */
final class FreeTime {

  private final TreeMap<Long, Long> intervals = new TreeMap<>();

  /** Free time from normalised intervals, shrunk inwards onto the grid. */
  FreeTime(List<long[]> free) {
    for (var interval : free) {
      long start = Grid.ceil(interval[0]);
      long end = Grid.floor(interval[1]);
      if (start < end) {
        intervals.put(start, end);
      }
    }
  }

  /** The first free interval that ends after {@code at}, clipped to start no earlier; or null. */
  long[] firstAfter(long at) {
    var containing = intervals.floorEntry(at);
    if (containing != null && containing.getValue() > at) {
      return new long[] {at, containing.getValue()};
    }
    Map.Entry<Long, Long> next = intervals.higherEntry(at);
    return next == null ? null : new long[] {next.getKey(), next.getValue()};
  }

  /** Marks [start, end) as taken; it must lie within one free interval. */
  void take(long start, long end) {
    var entry = intervals.floorEntry(start);
    if (entry == null || entry.getValue() < end) {
      throw new IllegalStateException("Not free: " + start + ".." + end);
    }
    long freeStart = entry.getKey();
    long freeEnd = entry.getValue();
    intervals.remove(freeStart);
    if (freeStart < start) {
      intervals.put(freeStart, start);
    }
    if (end < freeEnd) {
      intervals.put(end, freeEnd);
    }
  }

  /** Frees [start, end) again, taken earlier by {@link #take}. */
  void giveBack(long start, long end) {
    long newStart = start;
    long newEnd = end;
    var before = intervals.floorEntry(start);
    if (before != null && before.getValue() == start) {
      newStart = before.getKey();
      intervals.remove(before.getKey());
    }
    var after = intervals.get(end);
    if (after != null) {
      newEnd = after;
      intervals.remove(end);
    }
    intervals.put(newStart, newEnd);
  }
}
