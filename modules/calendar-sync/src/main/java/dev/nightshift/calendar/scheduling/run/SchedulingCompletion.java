package dev.nightshift.calendar.scheduling.run;

import dev.nightshift.calendar.scheduling.Schedule;
import dev.nightshift.calendar.scheduling.store.PlacedEventStore;
import dev.nightshift.calendar.scheduling.store.RequestedTask;
import dev.nightshift.calendar.scheduling.store.SchedulingRun;
import dev.nightshift.calendar.scheduling.store.SchedulingRunStore;
import dev.nightshift.engine.NonRetryableException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneId;
import java.util.stream.Collectors;

/**
 * Writes a schedule: the earlier placements go, the new events come and the scheduling run
 * completes with its result, all in one transaction, so a reader sees the old calendar or the new
 * one and never a half of each.
 */
@ApplicationScoped
class SchedulingCompletion {

  private final SchedulingRunStore runs;
  private final PlacedEventStore events;

  SchedulingCompletion(SchedulingRunStore runs, PlacedEventStore events) {
    this.runs = runs;
    this.events = events;
  }

  @Transactional
  void complete(SchedulingRun run, ZoneId zone, Instant now, Schedule schedule) {
    var tasks = run.request().tasks();
    events.replace(
        run.teamId(),
        run.id(),
        now,
        tasks.stream().map(RequestedTask::id).toList(),
        schedule.placements(),
        tasks.stream().collect(Collectors.toMap(RequestedTask::id, RequestedTask::title)),
        zone);
    if (!runs.completed(run.id(), schedule)) {
      // Rolls the events back with it: a run that finished meanwhile keeps its own result.
      throw new NonRetryableException("Scheduling run " + run.id() + " finished meanwhile.");
    }
  }
}
