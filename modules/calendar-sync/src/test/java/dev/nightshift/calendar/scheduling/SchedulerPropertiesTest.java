package dev.nightshift.calendar.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.quicktheories.QuickTheory.qt;

import java.time.Duration;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** What every schedule keeps to, over random calendars in zones with daylight saving. */
class SchedulerPropertiesTest {

  private static final int EXAMPLES = 500;

  private final Scheduler scheduler = new Scheduler();

  @Test
  void placementsOverlapNeitherEachOtherNorBusyTime() {
    forAll(this::noOverlaps);
  }

  @Test
  void placementsLieInWorkingHoursOnTheGridWithinTheWindowAndNotInThePast() {
    forAll(this::inWorkingHours);
  }

  @Test
  void aTaskIsPlacedWholeInChunksWithinItsBoundsOrWarnedAbout() {
    forAll(this::wholeWithinBounds);
  }

  @Test
  void theOutputHoldsOnlyTheTasksAndIsTheSameForTheSameInputInAnyOrder() {
    forAll(this::deterministic);
  }

  /**
   * Checks a property over random requests; a failure is shrunk to a small request and reported
   * with the seed that reproduces it ({@code -DQT_SEED=...}).
   */
  private static void forAll(Consumer<ScheduleRequest> property) {
    qt().withExamples(EXAMPLES).forAll(RandomCalendars.requests()).checkAssert(property);
  }

  private void noOverlaps(ScheduleRequest request) {
    var placements = scheduler.schedule(request).placements();
    var sorted = new ArrayList<>(placements);
    sorted.sort(Comparator.comparing(Placement::start));
    for (int i = 1; i < sorted.size(); i++) {
      assertTrue(
          !sorted.get(i).start().isBefore(sorted.get(i - 1).end()), () -> "overlap in " + sorted);
    }
    for (var p : placements) {
      for (var b : request.busy()) {
        assertTrue(
            !p.start().isBefore(b.end()) || !p.end().isAfter(b.start()),
            () -> p + " overlaps busy " + b);
      }
    }
  }

  private void inWorkingHours(ScheduleRequest request) {
    var earliest = request.now().isAfter(request.from()) ? request.now() : request.from();
    for (var p : scheduler.schedule(request).placements()) {
      assertTrue(p.start().isBefore(p.end()), p::toString);
      assertTrue(!p.start().isBefore(earliest), () -> p + " before " + earliest);
      assertTrue(!p.end().isAfter(request.to()), () -> p + " after the window");
      var zone = request.hours().zone();
      assertOnLocalQuarter(p.start().atZone(zone).toLocalDateTime().toLocalTime(), p);
      assertOnLocalQuarter(p.end().atZone(zone).toLocalDateTime().toLocalTime(), p);
      for (var t = p.start(); t.isBefore(p.end()); t = t.plus(Duration.ofMinutes(15))) {
        var local = t.atZone(zone);
        int minute = local.getHour() * 60 + local.getMinute();
        var blocks = request.hours().on(local.getDayOfWeek());
        var at = local;
        assertTrue(
            blocks.stream().anyMatch(b -> b.contains(minute)),
            () -> p + " has " + at + ", outside the working hours " + blocks);
      }
    }
  }

  private void wholeWithinBounds(ScheduleRequest request) {
    var schedule = scheduler.schedule(request);
    var byTask = schedule.placements().stream().collect(Collectors.groupingBy(Placement::taskId));
    var warned = new HashMap<String, Warning.Kind>();
    schedule.warnings().forEach(w -> warned.put(w.taskId(), w.kind()));
    for (var task : request.tasks()) {
      var chunks = byTask.getOrDefault(task.id(), List.of());
      if (chunks.isEmpty()) {
        assertEquals(Warning.Kind.UNPLACED, warned.get(task.id()), task::toString);
        continue;
      }
      var total = chunks.stream().map(c -> Duration.between(c.start(), c.end()));
      assertEquals(task.duration(), total.reduce(Duration.ZERO, Duration::plus), task::toString);
      var ordered = chunks.stream().sorted(Comparator.comparingInt(Placement::chunk)).toList();
      for (int k = 0; k < ordered.size(); k++) {
        var c = ordered.get(k);
        assertEquals(k + 1, c.chunk());
        assertEquals(ordered.size(), c.chunks());
        if (k > 0) {
          assertTrue(!c.start().isBefore(ordered.get(k - 1).end()), "chunks in time order");
        }
        var length = Duration.between(c.start(), c.end());
        if (!task.splittable()) {
          assertEquals(1, ordered.size(), "a task without split settings is placed whole");
        } else {
          assertTrue(length.compareTo(task.maxChunk()) <= 0, () -> c + " longer than " + task);
          boolean last = k == ordered.size() - 1;
          assertTrue(
              length.compareTo(task.minChunk()) >= 0 || (last && !splits(task)),
              () -> c + " shorter than the minimum of " + task);
        }
      }
      var end = ordered.getLast().end();
      if (task.due() != null && end.isAfter(task.due())) {
        assertEquals(Warning.Kind.AFTER_DEADLINE, warned.get(task.id()), task::toString);
      } else {
        assertTrue(!warned.containsKey(task.id()), task::toString);
      }
    }
    assertEquals(request.tasks().size(), schedule.summary().tasks());
    assertEquals(
        request.tasks().size() - schedule.summary().unplaced(), byTask.size(), "placed tasks");
  }

  private void deterministic(ScheduleRequest request) {
    var first = scheduler.schedule(request);
    var ids = request.tasks().stream().map(TaskToSchedule::id).toList();
    assertTrue(first.placements().stream().allMatch(p -> ids.contains(p.taskId())));
    var reversed = new ArrayList<>(request.tasks()).reversed();
    var again =
        scheduler.schedule(
            new ScheduleRequest(
                reversed,
                request.hours(),
                request.busy().reversed(),
                request.from(),
                request.to(),
                request.now()));
    assertEquals(first, again, "the same input in another order gives the same schedule");
    assertEquals(first, scheduler.schedule(request));
  }

  /** Whether the task's duration splits into chunks all within its bounds. */
  private static boolean splits(TaskToSchedule task) {
    long d = task.duration().toMinutes();
    long min = task.minChunk().toMinutes();
    long max = task.maxChunk().toMinutes();
    for (long n = 1; n * min <= d; n++) {
      if (d <= n * max) {
        return true;
      }
    }
    return false;
  }

  private static void assertOnLocalQuarter(LocalTime time, Placement p) {
    assertTrue(
        time.getSecond() == 0 && time.getNano() == 0 && time.getMinute() % 15 == 0, p::toString);
  }
}
