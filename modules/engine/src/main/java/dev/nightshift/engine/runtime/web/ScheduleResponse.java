package dev.nightshift.engine.runtime.web;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.OverlapPolicy;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.Schedule;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A schedule as the API shows it: durations as ISO-8601, the next five fire times, and its last
 * run.
 */
public record ScheduleResponse(
    UUID id,
    String task,
    UUID teamId,
    boolean active,
    String cron,
    String interval,
    String timezone,
    String externalId,
    String deduplicationKey,
    JsonNode payload,
    OverlapPolicy overlap,
    CatchUpPolicy catchUp,
    String spread,
    String spreadOffset,
    Instant nextRun,
    List<Instant> nextRuns,
    LastRun lastRun,
    Instant createdAt,
    Instant updatedAt) {

  /** The run the schedule triggered last. */
  public record LastRun(
      UUID id,
      RunStatus status,
      Instant firedAt,
      Instant startedAt,
      Instant finishedAt,
      Long durationMs,
      String error) {}

  static ScheduleResponse of(Schedule s) {
    var d = s.definition();
    var last = s.lastRun();
    return new ScheduleResponse(
        s.id(),
        d.task(),
        d.teamId(),
        s.active(),
        d.cron(),
        iso(d.interval()),
        d.timezone(),
        d.externalId(),
        d.deduplicationKey(),
        s.payload(),
        d.overlap(),
        d.catchUp(),
        iso(d.spread()),
        iso(s.spreadOffset()),
        s.nextRun(),
        s.nextRuns(),
        last == null
            ? null
            : new LastRun(
                last.id(),
                last.status(),
                last.firedAt(),
                last.startedAt(),
                last.finishedAt(),
                last.duration() == null ? null : last.duration().toMillis(),
                last.error()),
        s.createdAt(),
        s.updatedAt());
  }

  private static String iso(Duration d) {
    return d == null ? null : d.toString();
  }
}
