package dev.nightshift.calendar.scheduling;

import java.time.Instant;
import java.util.Comparator;

/**
 * The order tasks claim free time in: earliest deadline first, weighted by priority.
 *
 * <ol>
 *   <li>Tasks with a due date before tasks without one.
 *   <li>Among tasks with a due date: by due date minus the priority's {@link Priority#lead() lead}
 *       (CRITICAL 72 h, HIGH 24 h, NORMAL 0, LOW -24 h), earliest first.
 *   <li>Then higher priority first, then the earlier due date, then the longer task (big pieces
 *       first, while large gaps exist), then the id, so that the order never depends on input
 *       order.
 * </ol>
 */
final class TaskOrder {

  static final Comparator<TaskToSchedule> EARLIEST_WEIGHTED_DEADLINE_FIRST =
      Comparator.comparing((TaskToSchedule t) -> t.due() == null)
          .thenComparing(TaskOrder::weightedDue, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskToSchedule::priority, Comparator.reverseOrder())
          .thenComparing(TaskToSchedule::due, Comparator.nullsLast(Comparator.naturalOrder()))
          .thenComparing(TaskToSchedule::duration, Comparator.reverseOrder())
          .thenComparing(TaskToSchedule::id);

  private TaskOrder() {}

  static Instant weightedDue(TaskToSchedule task) {
    return task.due() == null ? null : task.due().minus(task.priority().lead());
  }
}
