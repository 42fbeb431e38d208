package dev.nightshift.calendar.scheduling;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Places tasks into free working time: a pure function of its request, deterministic, free of I/O.
 *
 * <p>Tasks claim time one after the other in {@link TaskOrder}. Each task takes the earliest free
 * time that holds all of it before its due date; when none does, the earliest free time in the
 * window, and it gets an {@link Warning.Kind#AFTER_DEADLINE} warning; when even the window cannot
 * hold all of it, it is not placed at all ({@link Warning.Kind#UNPLACED}): a task is placed whole
 * or not, never in part. Free time is working time, minus busy time, on the 15-minute grid, from
 * {@code now} rounded up to the next quarter hour (or {@code from}, if later) to {@code to}.
 *
 * <p>Thread-safe: it keeps no state between calls.
 */
public final class Scheduler {

  public Schedule schedule(ScheduleRequest request) {
    long from = Math.max(Grid.ceil(request.from()), Grid.ceil(request.now()));
    long to = request.to().getEpochSecond();
    var busy = new ArrayList<long[]>();
    for (var b : request.busy()) {
      busy.add(new long[] {b.start().getEpochSecond(), ceilSecond(b.end())});
    }
    var free =
        new FreeTime(
            from >= to
                ? List.of()
                : Intervals.subtract(
                    WorkingTime.between(request.hours(), from, to), Intervals.normalised(busy)));

    var ordered = new ArrayList<>(request.tasks());
    ordered.sort(TaskOrder.EARLIEST_WEIGHTED_DEADLINE_FIRST);
    var placements = new ArrayList<Placement>();
    var warnings = new ArrayList<Warning>();
    int placed = 0;
    int late = 0;
    long minutes = 0;
    for (var task : ordered) {
      List<long[]> pieces = null;
      if (task.due() != null) {
        pieces = place(task, free, from, Math.min(to, task.due().getEpochSecond()));
      }
      if (pieces == null) {
        pieces = place(task, free, from, to);
      }
      if (pieces == null) {
        warnings.add(
            new Warning(
                task.id(),
                Warning.Kind.UNPLACED,
                task.due(),
                "The free working time in the window does not hold "
                    + task.duration().toMinutes()
                    + " minutes of this task."));
        continue;
      }
      placed++;
      minutes += task.duration().toMinutes();
      for (int k = 0; k < pieces.size(); k++) {
        var piece = pieces.get(k);
        placements.add(
            new Placement(
                task.id(),
                k + 1,
                pieces.size(),
                Instant.ofEpochSecond(piece[0]),
                Instant.ofEpochSecond(piece[1])));
      }
      if (task.due() != null && pieces.getLast()[1] > task.due().getEpochSecond()) {
        late++;
        warnings.add(
            new Warning(
                task.id(),
                Warning.Kind.AFTER_DEADLINE,
                task.due(),
                "No free working time before the due date held this task: it ends at "
                    + Instant.ofEpochSecond(pieces.getLast()[1])
                    + "."));
      }
    }
    placements.sort(
        Comparator.comparing(Placement::start)
            .thenComparing(Placement::taskId)
            .thenComparingInt(Placement::chunk));
    return new Schedule(
        List.copyOf(placements),
        List.copyOf(warnings),
        new Schedule.Summary(
            request.tasks().size(),
            placed,
            late,
            request.tasks().size() - placed,
            placements.size(),
            minutes));
  }

  /**
   * Takes the earliest free time ending by {@code until} that holds the whole task, chunk by chunk;
   * gives it all back and returns null when the task does not fit.
   */
  private static List<long[]> place(TaskToSchedule task, FreeTime free, long from, long until) {
    var chunking = new Chunking(task);
    int remaining = Chunking.quarters(task.duration().toSeconds());
    var taken = new ArrayList<long[]>();
    long cursor = from;
    long end = Grid.floor(until);
    while (remaining > 0) {
      var gap = free.firstAfter(cursor);
      if (gap == null || gap[0] >= end) {
        taken.forEach(piece -> free.giveBack(piece[0], piece[1]));
        return null;
      }
      int room = Chunking.quarters(Math.min(gap[1], end) - gap[0]);
      int chunk = chunking.next(remaining, room);
      if (chunk == 0) {
        cursor = gap[1];
        continue;
      }
      long pieceEnd = gap[0] + chunk * Grid.QUARTER;
      free.take(gap[0], pieceEnd);
      taken.add(new long[] {gap[0], pieceEnd});
      remaining -= chunk;
      cursor = pieceEnd;
    }
    return taken;
  }

  private static long ceilSecond(Instant instant) {
    return instant.getEpochSecond() + (instant.getNano() > 0 ? 1 : 0);
  }
}
