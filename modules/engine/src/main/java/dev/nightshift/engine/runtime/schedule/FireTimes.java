package dev.nightshift.engine.runtime.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A schedule's fire times: its cadence's times moved by its spread offset. The offset is shorter
 * than the gap between two cadence times, so spreading keeps the order and never merges two times.
 */
record FireTimes(Cadence cadence, Duration offset) {

  /** The first fire time strictly after {@code after}; null if there is none. */
  Instant next(Instant after) {
    var base = cadence.next(after.minus(offset));
    return base == null ? null : base.plus(offset);
  }

  /** The next {@code count} fire times after {@code after}, fewer if the cadence ends. */
  List<Instant> next(Instant after, int count) {
    var times = new ArrayList<Instant>(count);
    for (var t = next(after); t != null && times.size() < count; t = next(t)) {
      times.add(t);
    }
    return times;
  }

  /**
   * The latest fire time at or before {@code now}, starting from {@code due}, a fire time at or
   * before {@code now}. After a long downtime it starts from a day ago instead, so that a schedule
   * every minute does not walk through weeks of minutes.
   */
  Instant latest(Instant due, Instant now) {
    var latest = due;
    var dayAgo = now.minus(Duration.ofDays(1));
    if (due.isBefore(dayAgo)) {
      var recent = next(dayAgo);
      if (recent != null && !recent.isAfter(now)) {
        latest = recent;
      }
    }
    for (var n = next(latest); n != null && !n.isAfter(now); n = next(latest)) {
      latest = n;
    }
    return latest;
  }
}
