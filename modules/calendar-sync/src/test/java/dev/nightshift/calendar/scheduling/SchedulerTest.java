package dev.nightshift.calendar.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The ordering rules, chunking and daylight-saving days, on small calendars with exact answers. */
class SchedulerTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
  // Monday 2026-06-15, 00:00 in Berlin (CEST, UTC+2).
  private static final Instant MONDAY = Instant.parse("2026-06-14T22:00:00Z");

  private final Scheduler scheduler = new Scheduler();

  @Test
  void theEarlierDeadlineTakesTheEarlierSlot() {
    var schedule =
        schedule(
            weekdays("09:00", "11:00"),
            List.of(
                task("later", 60, Priority.NORMAL, at("Wed 12:00")),
                task("sooner", 60, Priority.NORMAL, at("Tue 12:00"))),
            List.of());
    assertEquals(List.of("sooner@Mon 09:00", "later@Mon 10:00"), starts(schedule));
  }

  @Test
  void priorityMovesADeadlineEarlierByItsLead() {
    var schedule =
        schedule(
            weekdays("09:00", "12:00"),
            List.of(
                // due Thu 12:00 - 72 h = Mon 12:00: before the NORMAL task due Tue 12:00
                task("critical", 60, Priority.CRITICAL, at("Thu 12:00")),
                task("normal", 60, Priority.NORMAL, at("Tue 12:00")),
                // due Thu 12:00 - 24 h = Wed 12:00: after it
                task("high", 60, Priority.HIGH, at("Thu 12:00"))),
            List.of());
    assertEquals(
        List.of("critical@Mon 09:00", "normal@Mon 10:00", "high@Mon 11:00"), starts(schedule));
  }

  @Test
  void tasksWithADueDateGoFirstThenByPriorityThenLongestThenById() {
    var schedule =
        schedule(
            weekdays("09:00", "14:00"),
            List.of(
                task("b-short", 30, Priority.HIGH, null),
                task("low-due", 60, Priority.LOW, at("Fri 17:00")),
                task("c-long", 60, Priority.HIGH, null),
                task("a-short", 30, Priority.HIGH, null),
                task("critical", 60, Priority.CRITICAL, null)),
            List.of());
    assertEquals(
        List.of(
            "low-due@Mon 09:00",
            "critical@Mon 10:00",
            "c-long@Mon 11:00",
            "a-short@Mon 12:00",
            "b-short@Mon 12:30"),
        starts(schedule));
  }

  @Test
  void aTaskThatCannotMakeItsDeadlineIsPlacedAfterItWithAWarning() {
    var schedule =
        schedule(
            weekdays("09:00", "11:00"),
            List.of(
                task("first", 120, Priority.CRITICAL, at("Mon 11:00")),
                task("late", 60, Priority.NORMAL, at("Mon 11:00"))),
            List.of());
    assertEquals(List.of("first@Mon 09:00", "late@Tue 09:00"), starts(schedule));
    assertEquals(1, schedule.warnings().size());
    assertEquals(Warning.Kind.AFTER_DEADLINE, schedule.warnings().getFirst().kind());
    assertEquals(1, schedule.summary().afterDeadline());
  }

  @Test
  void aTaskTheWindowCannotHoldIsNotPlacedAtAll() {
    var schedule =
        schedule(
            weekdays("09:00", "10:00"),
            List.of(TaskToSchedule.whole("huge", "Huge", Duration.ofHours(2), Priority.HIGH, null)),
            List.of());
    assertEquals(List.of(), schedule.placements());
    assertEquals(Warning.Kind.UNPLACED, schedule.warnings().getFirst().kind());
    assertEquals(1, schedule.summary().unplaced());
  }

  @Test
  void aWholeTaskWaitsForAGapThatHoldsItAndBusyTimeIsLeftAlone() {
    var busy = new BusyTime(at("Mon 10:07"), at("Mon 10:52"));
    var schedule =
        schedule(
            weekdays("09:00", "12:00"),
            List.of(
                task("hour", 60, Priority.NORMAL, null), task("quarter", 15, Priority.LOW, null)),
            List.of(busy));
    // 09:00-10:00 is free, then busy rounds out to 10:00-11:00; "quarter" fills 11:00.
    assertEquals(List.of("hour@Mon 09:00", "quarter@Mon 11:00"), starts(schedule));
  }

  @Test
  void splitTasksUseChunksWithinTheBoundsAndAShortLastOneOnlyWhenNeeded() {
    var hours = weekdays("09:00", "17:00");
    var fits = split("ninety", 90, 30, 45);
    assertEquals(List.of(45L, 45L), lengths(schedule(hours, List.of(fits), List.of())));
    var busy = List.of(new BusyTime(at("Mon 09:30"), at("Mon 10:00")));
    var around = split("ninety-around", 90, 30, 60);
    // A 30-minute gap first: a 30-minute chunk there would leave 60, which still fits the bounds.
    assertEquals(List.of(30L, 60L), lengths(schedule(hours, List.of(around), busy)));
    var awkward = split("seventy-five", 75, 45, 60);
    // 75 splits into no chunks of 45 to 60: 60 first, then the short 15.
    assertEquals(List.of(60L, 15L), lengths(schedule(hours, List.of(awkward), List.of())));
  }

  @Test
  void nothingIsPlacedBeforeNowRoundedUpToTheQuarter() {
    var request =
        new ScheduleRequest(
            List.of(task("now", 30, Priority.NORMAL, null)),
            weekdays("09:00", "17:00"),
            List.of(),
            MONDAY,
            MONDAY.plus(Duration.ofDays(7)),
            at("Mon 09:07").plusMillis(1));
    assertEquals(List.of("now@Mon 09:15"), starts(scheduler.schedule(request)));
  }

  @Test
  void aBlockAcrossTheSpringGapIsAnHourShorterAndOneAcrossTheAutumnOverlapAnHourLonger() {
    var sundays = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    sundays.put(DayOfWeek.SUNDAY, List.of(DailyBlock.of("01:00", "04:00")));
    var hours = new WorkingHours(BERLIN, sundays);
    var task = split("t", 180, 15, 180);

    // 2026-03-29: 02:00 CET jumps to 03:00 CEST. 01:00 CET = 00:00Z, 04:00 CEST = 02:00Z: 2 hours.
    var spring = Instant.parse("2026-03-28T12:00:00Z");
    var inSpring =
        scheduler.schedule(
            new ScheduleRequest(
                List.of(split("t", 120, 15, 180)),
                hours,
                List.of(),
                spring,
                spring.plus(Duration.ofDays(1)),
                spring));
    assertEquals(
        List.of(
            new Placement(
                "t",
                1,
                1,
                Instant.parse("2026-03-29T00:00:00Z"),
                Instant.parse("2026-03-29T02:00:00Z"))),
        inSpring.placements());

    // 2026-10-25: 03:00 CEST falls back to 02:00 CET. 01:00 CEST = 23:00Z, 04:00 CET = 03:00Z: 4 h.
    var autumn = Instant.parse("2026-10-24T12:00:00Z");
    var inAutumn =
        scheduler.schedule(
            new ScheduleRequest(
                List.of(task, split("more", 60, 15, 60)),
                hours,
                List.of(),
                autumn,
                autumn.plus(Duration.ofDays(1)),
                autumn));
    assertEquals(
        List.of(
            new Placement(
                "t",
                1,
                1,
                Instant.parse("2026-10-24T23:00:00Z"),
                Instant.parse("2026-10-25T02:00:00Z")),
            new Placement(
                "more",
                1,
                1,
                Instant.parse("2026-10-25T02:00:00Z"),
                Instant.parse("2026-10-25T03:00:00Z"))),
        inAutumn.placements());
  }

  @Test
  void lordHowesHalfHourChangeShortensItsDayByHalfAnHour() {
    var zone = ZoneId.of("Australia/Lord_Howe");
    var sundays = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    sundays.put(DayOfWeek.SUNDAY, List.of(DailyBlock.of("01:00", "04:00")));
    // 2026-10-04: 02:00 (+10:30) jumps to 02:30 (+11:00). 01:00 = 14:30Z, 04:00 = 17:00Z.
    var from = Instant.parse("2026-10-03T00:00:00Z");
    var schedule =
        scheduler.schedule(
            new ScheduleRequest(
                List.of(split("t", 180, 15, 180)),
                new WorkingHours(zone, sundays),
                List.of(),
                from,
                from.plus(Duration.ofDays(2)),
                from));
    assertEquals(List.of(), schedule.placements(), "only 2.5 hours exist that day");
    var shorter =
        scheduler.schedule(
            new ScheduleRequest(
                List.of(split("t", 150, 15, 180)),
                new WorkingHours(zone, sundays),
                List.of(),
                from,
                from.plus(Duration.ofDays(2)),
                from));
    assertEquals(
        List.of(
            new Placement(
                "t",
                1,
                1,
                Instant.parse("2026-10-03T14:30:00Z"),
                Instant.parse("2026-10-03T17:00:00Z"))),
        shorter.placements());
  }

  private Schedule schedule(WorkingHours hours, List<TaskToSchedule> tasks, List<BusyTime> busy) {
    return scheduler.schedule(
        new ScheduleRequest(tasks, hours, busy, MONDAY, MONDAY.plus(Duration.ofDays(7)), MONDAY));
  }

  private static WorkingHours weekdays(String start, String end) {
    var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    for (var day :
        List.of(
            DayOfWeek.MONDAY,
            DayOfWeek.TUESDAY,
            DayOfWeek.WEDNESDAY,
            DayOfWeek.THURSDAY,
            DayOfWeek.FRIDAY)) {
      week.put(day, List.of(DailyBlock.of(start, end)));
    }
    return new WorkingHours(BERLIN, week);
  }

  private static TaskToSchedule task(String id, int minutes, Priority priority, Instant due) {
    return TaskToSchedule.whole(id, id, Duration.ofMinutes(minutes), priority, due);
  }

  private static TaskToSchedule split(String id, int minutes, int min, int max) {
    return new TaskToSchedule(
        id,
        id,
        Duration.ofMinutes(minutes),
        Duration.ofMinutes(min),
        Duration.ofMinutes(max),
        Priority.NORMAL,
        null);
  }

  private static final Map<String, Integer> DAYS =
      Map.of("Mon", 0, "Tue", 1, "Wed", 2, "Thu", 3, "Fri", 4);

  /** "Tue 12:00" in Berlin, in the week of {@link #MONDAY}. */
  private static Instant at(String dayAndTime) {
    var parts = dayAndTime.split(" ");
    return MONDAY
        .plus(Duration.ofDays(DAYS.get(parts[0])))
        .plus(Duration.ofMinutes(DailyBlock.minutes(parts[1])));
  }

  private static List<String> starts(Schedule schedule) {
    return schedule.placements().stream().map(p -> p.taskId() + "@" + label(p.start())).toList();
  }

  private static String label(Instant instant) {
    long minutes = Duration.between(MONDAY, instant).toMinutes();
    var day =
        DAYS.entrySet().stream()
            .filter(e -> e.getValue() == minutes / 1440)
            .findFirst()
            .orElseThrow()
            .getKey();
    return day + " " + "%02d:%02d".formatted(minutes % 1440 / 60, minutes % 60);
  }

  private static List<Long> lengths(Schedule schedule) {
    return schedule.placements().stream()
        .map(p -> Duration.between(p.start(), p.end()).toMinutes())
        .toList();
  }
}
