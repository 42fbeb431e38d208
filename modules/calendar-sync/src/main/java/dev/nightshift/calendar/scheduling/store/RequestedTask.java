package dev.nightshift.calendar.scheduling.store;

import dev.nightshift.calendar.scheduling.Priority;
import dev.nightshift.calendar.scheduling.TaskToSchedule;
import java.time.Duration;
import java.time.Instant;

/**
 * A task as a client asked for it and as it is stored with its scheduling run.
 *
 * @param minChunkMinutes with {@code maxChunkMinutes}: split into chunks of these bounds; both null
 *     for a task placed whole
 */
public record RequestedTask(
    String id,
    String title,
    int durationMinutes,
    Integer minChunkMinutes,
    Integer maxChunkMinutes,
    Priority priority,
    Instant due) {

  public TaskToSchedule toTask() {
    return new TaskToSchedule(
        id,
        title,
        Duration.ofMinutes(durationMinutes),
        minChunkMinutes == null ? null : Duration.ofMinutes(minChunkMinutes),
        maxChunkMinutes == null ? null : Duration.ofMinutes(maxChunkMinutes),
        priority,
        due);
  }
}
