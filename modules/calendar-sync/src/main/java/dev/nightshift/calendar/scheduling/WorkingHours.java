package dev.nightshift.calendar.scheduling;

import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A team's working week: wall-clock blocks per weekday in the team's zone. A day without blocks is
 * a day off. Blocks of a day are sorted and do not overlap (they may touch).
 */
public record WorkingHours(ZoneId zone, Map<DayOfWeek, List<DailyBlock>> week) {

  public WorkingHours {
    Objects.requireNonNull(zone, "zone");
    var copy = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    for (var day : DayOfWeek.values()) {
      var blocks = week == null ? null : week.get(day);
      var sorted = blocks == null ? new ArrayList<DailyBlock>() : new ArrayList<>(blocks);
      sorted.sort((a, b) -> Integer.compare(a.startMinute(), b.startMinute()));
      for (int i = 1; i < sorted.size(); i++) {
        if (sorted.get(i).startMinute() < sorted.get(i - 1).endMinute()) {
          throw new IllegalArgumentException("Blocks of " + day + " overlap");
        }
      }
      copy.put(day, List.copyOf(sorted));
    }
    week = Collections.unmodifiableMap(copy);
  }

  public List<DailyBlock> on(DayOfWeek day) {
    return week.get(day);
  }
}
