package dev.nightshift.calendar.scheduling.web;

import java.time.Instant;
import java.util.List;

/**
 * {@code POST /api/v1/calendar-schedules}: tasks to place into the team's free working time.
 *
 * @param windowDays how many days from {@code from} to fill; default 30
 * @param from the window's start; default: when the run starts
 */
public record ScheduleBody(List<TaskBody> tasks, Integer windowDays, Instant from) {

  /**
   * @param id the caller's id of the task (letters, digits, {@code . _ -}; at most 100): a later
   *     request with the same id replaces this one's placements that have not started
   * @param durationMinutes the time still to place; a multiple of 15
   * @param minChunkMinutes with {@code maxChunkMinutes}: may be split into chunks of these bounds
   * @param priority {@code LOW}, {@code NORMAL} (default), {@code HIGH} or {@code CRITICAL}
   * @param due placed to end by then when the free time allows
   */
  public record TaskBody(
      String id,
      String title,
      Integer durationMinutes,
      Integer minChunkMinutes,
      Integer maxChunkMinutes,
      String priority,
      Instant due) {}
}
