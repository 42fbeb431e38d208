package dev.nightshift.calendar.scheduling;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Sets of instants as sorted lists of [start, end) epoch seconds. */
final class Intervals {

  private Intervals() {}

  /** Sorted, with overlapping and touching intervals merged and empty ones dropped. */
  static List<long[]> normalised(List<long[]> intervals) {
    var sorted = new ArrayList<>(intervals);
    sorted.removeIf(i -> i[1] <= i[0]);
    sorted.sort(Comparator.comparingLong((long[] i) -> i[0]));
    var merged = new ArrayList<long[]>();
    for (var i : sorted) {
      var last = merged.isEmpty() ? null : merged.getLast();
      if (last != null && i[0] <= last[1]) {
        last[1] = Math.max(last[1], i[1]);
      } else {
        merged.add(new long[] {i[0], i[1]});
      }
    }
    return merged;
  }

  /** {@code from} without {@code minus}; both normalised. */
  static List<long[]> subtract(List<long[]> from, List<long[]> minus) {
    var result = new ArrayList<long[]>();
    int j = 0;
    for (var interval : from) {
      long start = interval[0];
      long end = interval[1];
      while (j < minus.size() && minus.get(j)[1] <= start) {
        j++;
      }
      int k = j;
      while (k < minus.size() && minus.get(k)[0] < end) {
        var cut = minus.get(k);
        if (cut[0] > start) {
          result.add(new long[] {start, cut[0]});
        }
        start = Math.max(start, cut[1]);
        k++;
      }
      if (start < end) {
        result.add(new long[] {start, end});
      }
    }
    return result;
  }
}
