package dev.nightshift.calendar.benchmark;

import dev.nightshift.calendar.scheduling.BusyTime;
import dev.nightshift.calendar.scheduling.DailyBlock;
import dev.nightshift.calendar.scheduling.Priority;
import dev.nightshift.calendar.scheduling.Schedule;
import dev.nightshift.calendar.scheduling.ScheduleRequest;
import dev.nightshift.calendar.scheduling.Scheduler;
import dev.nightshift.calendar.scheduling.TaskToSchedule;
import dev.nightshift.calendar.scheduling.WorkingHours;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How long schedule-tasks' scheduler takes for 500 tasks over 30 days of a busy calendar. Runs only
 * when asked (docs/benchmarks.md#calendar-sync):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/calendar-sync -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=ScheduleTasksBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * <p>The calendar: Europe/Berlin, weekdays 08:00-12:30 and 13:30-18:00, 4 to 6 meetings of 30 to 90
 * minutes on each working day, across the October daylight-saving change. The tasks: 15 minutes to
 * 3 hours (or of 15 and 30 minutes only), a third of them splittable, seven in ten with a due date
 * in the window, all priorities. The report goes to stdout and to {@code
 * target/schedule-tasks-benchmark.txt}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScheduleTasksBenchmarkTest {

  static final int TASKS = Integer.getInteger("benchmark.tasks", 500);
  static final int DAYS = Integer.getInteger("benchmark.days", 30);
  private static final int WARM_UP = 20;
  private static final int ROUNDS = 15;
  static final ZoneId ZONE = ZoneId.of("Europe/Berlin");

  private static final List<String> REPORT = new ArrayList<>();

  @AfterAll
  static void write() throws IOException {
    Files.write(Path.of("target/schedule-tasks-benchmark.txt"), REPORT);
  }

  /** Tasks of 15 minutes to 3 hours: far more than the free time holds, most end unplaced. */
  @Test
  void fiveHundredTasksOverThirtyDaysMoreThanFit() {
    run("15 min to 3 h each", 12);
  }

  /** Tasks of 15 or 30 minutes: about as much as the free time holds. */
  @Test
  void fiveHundredShortTasksOverThirtyDays() {
    run("15 or 30 min each", 2);
  }

  private void run(String label, int maxQuarters) {
    var random = new Random(42);
    var from = LocalDate.of(2026, 10, 12).atStartOfDay(ZONE).toInstant();
    var to = from.plus(Duration.ofDays(DAYS));
    var request =
        new ScheduleRequest(
            tasks(random, from, to, maxQuarters), hours(), busy(random, from), from, to, from);
    var scheduler = new Scheduler();
    Schedule schedule = null;
    for (int i = 0; i < WARM_UP; i++) {
      schedule = scheduler.schedule(request);
    }
    var millis = new double[ROUNDS];
    for (int i = 0; i < ROUNDS; i++) {
      long start = System.nanoTime();
      schedule = scheduler.schedule(request);
      millis[i] = (System.nanoTime() - start) / 1e6;
    }
    Arrays.sort(millis);
    var summary = schedule.summary();
    var report =
        List.of(
            String.format(
                Locale.ROOT,
                "schedule-tasks scheduler, %s, %d cores: %d tasks (%s), %d days, %d busy events",
                Instant.now(),
                Runtime.getRuntime().availableProcessors(),
                TASKS,
                label,
                DAYS,
                request.busy().size()),
            String.format(
                Locale.ROOT,
                "median %.2f ms, fastest %.2f ms, slowest %.2f ms (%d rounds after %d warm-up)",
                millis[ROUNDS / 2],
                millis[0],
                millis[ROUNDS - 1],
                ROUNDS,
                WARM_UP),
            String.format(
                Locale.ROOT,
                "placed %d (%d after their due date) in %d events, %d unplaced",
                summary.placed(),
                summary.afterDeadline(),
                summary.chunks(),
                summary.unplaced()));
    report.forEach(System.out::println);
    REPORT.addAll(report);
  }

  static WorkingHours hours() {
    var week = new EnumMap<DayOfWeek, List<DailyBlock>>(DayOfWeek.class);
    for (var day : DayOfWeek.values()) {
      if (day != DayOfWeek.SATURDAY && day != DayOfWeek.SUNDAY) {
        week.put(day, List.of(DailyBlock.of("08:00", "12:30"), DailyBlock.of("13:30", "18:00")));
      }
    }
    return new WorkingHours(ZONE, week);
  }

  /** 4 to 6 meetings a working day, at random quarter-hour starts, 30 to 90 minutes long. */
  static List<BusyTime> busy(Random random, Instant from) {
    var busy = new ArrayList<BusyTime>();
    var day = LocalDate.ofInstant(from, ZONE);
    for (int d = 0; d < DAYS; d++, day = day.plusDays(1)) {
      if (day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY) {
        continue;
      }
      int meetings = 4 + random.nextInt(3);
      for (int m = 0; m < meetings; m++) {
        var start = day.atTime(LocalTime.of(8, 0).plusMinutes(15L * random.nextInt(36)));
        var begins = start.atZone(ZONE).toInstant();
        busy.add(
            new BusyTime(begins, begins.plus(Duration.ofMinutes(30 + 15L * random.nextInt(5)))));
      }
    }
    return busy;
  }

  static List<TaskToSchedule> tasks(Random random, Instant from, Instant to, int maxQuarters) {
    var tasks = new ArrayList<TaskToSchedule>();
    long span = Duration.between(from, to).toSeconds();
    for (int i = 0; i < TASKS; i++) {
      var duration = Duration.ofMinutes(15L * (1 + random.nextInt(maxQuarters)));
      var due = random.nextInt(10) < 7 ? from.plusSeconds(random.nextLong(span)) : null;
      var priority = Priority.values()[random.nextInt(Priority.values().length)];
      if (random.nextInt(3) == 0) {
        var min = Duration.ofMinutes(15L * (1 + random.nextInt(2)));
        var max = min.plus(Duration.ofMinutes(15L * random.nextInt(4)));
        tasks.add(new TaskToSchedule("task-" + i, "Task " + i, duration, min, max, priority, due));
      } else {
        tasks.add(TaskToSchedule.whole("task-" + i, "Task " + i, duration, priority, due));
      }
    }
    return tasks;
  }
}
