package dev.nightshift.calendar.scheduling;

import java.util.List;

/**
 * The outcome of scheduling: placements in time order, warnings in task order.
 *
 * @param summary counts over the tasks
 */
public record Schedule(List<Placement> placements, List<Warning> warnings, Summary summary) {

  /**
   * @param tasks tasks asked for
   * @param placed tasks placed, after their deadline or not
   * @param afterDeadline tasks placed after their due date
   * @param unplaced tasks not placed
   * @param chunks placements made
   * @param minutes minutes placed
   */
  public record Summary(
      int tasks, int placed, int afterDeadline, int unplaced, int chunks, long minutes) {}
}
