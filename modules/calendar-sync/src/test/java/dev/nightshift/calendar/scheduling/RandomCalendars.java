package dev.nightshift.calendar.scheduling;

import static org.quicktheories.generators.Generate.constant;
import static org.quicktheories.generators.Generate.enumValues;
import static org.quicktheories.generators.Generate.longRange;
import static org.quicktheories.generators.Generate.oneOf;
import static org.quicktheories.generators.Generate.pick;
import static org.quicktheories.generators.Generate.range;
import static org.quicktheories.generators.SourceDSL.lists;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.TreeSet;
import org.quicktheories.core.Gen;

/**
 * Random scheduling requests: zones with daylight saving of an hour and of half an hour, windows
 * around their changes, working weeks with days off and blocks across the changed hours, busy
 * events off the grid, and tasks of every shape.
 */
final class RandomCalendars {

  static final List<String> ZONES =
      List.of(
          "Europe/Berlin",
          "America/New_York",
          "Australia/Lord_Howe",
          "Asia/Kathmandu",
          "America/St_Johns",
          "UTC");

  /** Near the 2026 daylight-saving changes of the zones above, and a date without one. */
  private static final List<Instant> NEAR =
      List.of(
          Instant.parse("2026-03-29T01:00:00Z"),
          Instant.parse("2026-10-25T01:00:00Z"),
          Instant.parse("2026-03-08T07:00:00Z"),
          Instant.parse("2026-11-01T06:00:00Z"),
          Instant.parse("2026-04-04T15:00:00Z"),
          Instant.parse("2026-10-03T15:30:00Z"),
          Instant.parse("2026-06-15T12:00:00Z"));

  private static final List<List<DailyBlock>> AROUND_THE_CHANGES =
      List.of(
          List.of(DailyBlock.of("01:00", "03:00")),
          List.of(DailyBlock.of("02:00", "02:30"), DailyBlock.of("02:45", "04:00")),
          List.of(DailyBlock.of("00:00", "24:00")),
          List.of(DailyBlock.of("09:00", "12:00"), DailyBlock.of("13:00", "17:30")));

  private RandomCalendars() {}

  static Gen<ScheduleRequest> requests() {
    Gen<Instant[]> windows =
        pick(NEAR)
            .zip(
                longRange(-4 * 86_400, 86_400),
                longRange(3_600, 9 * 86_400),
                longRange(-2 * 86_400, 3 * 86_400),
                (near, shift, length, nowShift) -> {
                  var from = near.plusSeconds(shift);
                  return new Instant[] {from, from.plusSeconds(length), from.plusSeconds(nowShift)};
                });
    Gen<WorkingHours> hours =
        pick(ZONES).map((String id) -> ZoneId.of(id)).zip(weeks(), WorkingHours::new);
    return windows.flatMap(
        window ->
            hours.zip(
                busy(window[0], window[1]),
                tasks(window[0], window[1]),
                (workingHours, busy, tasks) ->
                    new ScheduleRequest(
                        tasks, workingHours, busy, window[0], window[1], window[2])));
  }

  private static Gen<EnumMap<DayOfWeek, List<DailyBlock>>> weeks() {
    Gen<List<DailyBlock>> day =
        oneOf(
            constant(List.<DailyBlock>of()),
            pick(AROUND_THE_CHANGES),
            lists().of(range(0, 96)).ofSizeBetween(0, 6).map(RandomCalendars::blocks));
    return lists()
        .of(day)
        .ofSize(7)
        .map(
            days -> {
              var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
              for (var d : DayOfWeek.values()) {
                week.put(d, days.get(d.ordinal()));
              }
              return week;
            });
  }

  /** Sorted distinct quarter-hour marks, paired into blocks; a lone last mark is dropped. */
  private static List<DailyBlock> blocks(List<Integer> marks) {
    var sorted = new ArrayList<>(new TreeSet<>(marks));
    var blocks = new ArrayList<DailyBlock>();
    for (int i = 0; i + 1 < sorted.size(); i += 2) {
      blocks.add(new DailyBlock(sorted.get(i) * 15, sorted.get(i + 1) * 15));
    }
    return blocks;
  }

  private static Gen<List<BusyTime>> busy(Instant from, Instant to) {
    long span = to.getEpochSecond() - from.getEpochSecond();
    Gen<BusyTime> event =
        longRange(-86_400, span + 86_400)
            .zip(
                longRange(60, 8 * 3_600),
                (start, length) ->
                    new BusyTime(from.plusSeconds(start), from.plusSeconds(start + length)));
    return lists().of(event).ofSizeBetween(0, 30);
  }

  private static Gen<List<TaskToSchedule>> tasks(Instant from, Instant to) {
    long span = to.getEpochSecond() - from.getEpochSecond();
    Gen<Instant> due =
        longRange(-86_400, span + 86_400)
            .map((Long seconds) -> from.plusSeconds(seconds))
            .toOptionals(30)
            .map(optional -> optional.orElse(null));
    Gen<int[]> split =
        range(1, 8)
            .zip(range(0, 6), (min, extra) -> new int[] {min, min + extra})
            .toOptionals(40)
            .map(optional -> optional.orElse(null));
    Gen<TaskToSchedule> task =
        range(1, 24)
            .zip(
                split,
                enumValues(Priority.class),
                due,
                (quarters, bounds, priority, dueAt) ->
                    new TaskToSchedule(
                        "x",
                        "Task",
                        minutes(quarters),
                        bounds == null ? null : minutes(bounds[0]),
                        bounds == null ? null : minutes(bounds[1]),
                        priority,
                        dueAt));
    return lists().of(task).ofSizeBetween(0, 25).map(RandomCalendars::numbered);
  }

  private static List<TaskToSchedule> numbered(List<TaskToSchedule> tasks) {
    var result = new ArrayList<TaskToSchedule>();
    for (int i = 0; i < tasks.size(); i++) {
      var t = tasks.get(i);
      result.add(
          new TaskToSchedule(
              "task-" + i,
              "Task " + i,
              t.duration(),
              t.minChunk(),
              t.maxChunk(),
              t.priority(),
              t.due()));
    }
    return result;
  }

  private static Duration minutes(int quarters) {
    return Duration.ofMinutes(15L * quarters);
  }
}
