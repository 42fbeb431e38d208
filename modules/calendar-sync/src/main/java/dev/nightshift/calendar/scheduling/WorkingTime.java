package dev.nightshift.calendar.scheduling;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * Turns a working week into the instants it covers. An instant is working time when its wall-clock
 * time in the team's zone lies in a block of its local date. On a day with a daylight-saving gap
 * the skipped wall-clock times cover no instant (a block 01:00-03:00 on the spring-forward day is
 * one hour long); on a day with an overlap the repeated times cover both of their instants (a block
 * 02:00-03:00 on the fall-back day is two hours long).
 */
final class WorkingTime {

  private WorkingTime() {}

  /** The working time within [from, to) as sorted, disjoint, non-touching [start, end) seconds. */
  static List<long[]> between(WorkingHours hours, long from, long to) {
    var rules = hours.zone().getRules();
    var first = LocalDate.ofInstant(Instant.ofEpochSecond(from), hours.zone()).minusDays(1);
    var last = LocalDate.ofInstant(Instant.ofEpochSecond(to), hours.zone()).plusDays(1);
    var pieces = new ArrayList<long[]>();
    for (var date = first; !date.isAfter(last); date = date.plusDays(1)) {
      var blocks = hours.on(date.getDayOfWeek());
      if (blocks.isEmpty()) {
        continue;
      }
      long midnight = date.toEpochDay() * 86_400;
      var offsets = offsetsAround(rules, midnight);
      for (var block : blocks) {
        for (var offset : offsets) {
          long lo = midnight + block.startMinute() * 60L - offset;
          long hi = midnight + block.endMinute() * 60L - offset;
          keepWhereOffsetIs(rules, offset, Math.max(lo, from), Math.min(hi, to), pieces);
        }
      }
    }
    return Intervals.normalised(pieces);
  }

  /**
   * The offsets, in seconds, the zone has at some instant of the local date starting at UTC
   * midnight.
   */
  private static TreeSet<Integer> offsetsAround(ZoneRules rules, long midnight) {
    // Local dates begin between 14 h before and 12 h after UTC midnight; look a little wider.
    long lo = midnight - 18 * 3600;
    long hi = midnight + 42 * 3600;
    var offsets = new TreeSet<Integer>();
    offsets.add(rules.getOffset(Instant.ofEpochSecond(lo)).getTotalSeconds());
    for (var t = rules.nextTransition(Instant.ofEpochSecond(lo));
        t != null && t.getInstant().getEpochSecond() < hi;
        t = rules.nextTransition(t.getInstant())) {
      offsets.add(t.getOffsetAfter().getTotalSeconds());
    }
    return offsets;
  }

  /** Adds the parts of [lo, hi) during which the zone's offset is {@code offset}. */
  private static void keepWhereOffsetIs(
      ZoneRules rules, int offset, long lo, long hi, List<long[]> into) {
    long cursor = lo;
    while (cursor < hi) {
      var at = Instant.ofEpochSecond(cursor);
      var next = rules.nextTransition(at);
      long end = next == null ? hi : Math.min(hi, next.getInstant().getEpochSecond());
      ZoneOffset current = rules.getOffset(at);
      if (current.getTotalSeconds() == offset) {
        into.add(new long[] {cursor, end});
      }
      cursor = end;
    }
  }
}
