package dev.nightshift.engine;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A stored dynamic schedule with its state.
 *
 * @param definition what it fires and when, as stored (the payload as JSON)
 * @param active false while paused: it fires nothing, and {@code nextRuns} is empty
 * @param spreadOffset how far every fire time is moved, derived from the external id
 * @param nextRuns the next five fire times, spread included; the first is when it fires next
 * @param lastRun the run it triggered last, or null before the first
 */
public record Schedule(
    UUID id,
    ScheduleDefinition definition,
    boolean active,
    Duration spreadOffset,
    List<Instant> nextRuns,
    LastRun lastRun,
    Instant createdAt,
    Instant updatedAt) {

  /** When it fires next; null while paused. */
  public Instant nextRun() {
    return nextRuns.isEmpty() ? null : nextRuns.getFirst();
  }

  public JsonNode payload() {
    return (JsonNode) definition.payload();
  }

  /**
   * The last run a schedule triggered, read from the run itself.
   *
   * @param firedAt the fire time it was triggered for (the time of the request for {@link
   *     Schedules#triggerNow})
   * @param status null once the run was deleted by retention
   * @param duration from its first start to its end; null until it ended
   * @param error the message of its last failed attempt when it ended without success
   */
  public record LastRun(
      UUID id,
      Instant firedAt,
      RunStatus status,
      Instant startedAt,
      Instant finishedAt,
      Duration duration,
      String error) {}
}
