package dev.nightshift.calendar.scheduling;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;

/**
 * What to schedule, where and when.
 *
 * @param busy existing events; placements never overlap them
 * @param from with {@code to}: placements lie within [from, to)
 * @param now nothing is placed before it (rounded up to the next quarter hour)
 */
public record ScheduleRequest(
    List<TaskToSchedule> tasks,
    WorkingHours hours,
    List<BusyTime> busy,
    Instant from,
    Instant to,
    Instant now) {

  public ScheduleRequest {
    tasks = List.copyOf(tasks);
    busy = List.copyOf(busy);
    if (!from.isBefore(to)) {
      throw new IllegalArgumentException("The window ends after it starts");
    }
    var ids = new HashSet<String>();
    for (var task : tasks) {
      if (!ids.add(task.id())) {
        throw new IllegalArgumentException("Task ids repeat: " + task.id());
      }
    }
    Grid.requireQuarterOffsets(hours.zone(), from, to);
  }
}
