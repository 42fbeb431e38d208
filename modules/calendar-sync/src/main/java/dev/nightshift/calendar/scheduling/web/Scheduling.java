package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.run.ScheduleTasksTask;
import dev.nightshift.calendar.scheduling.store.SchedulingRequest;
import dev.nightshift.calendar.scheduling.store.SchedulingRun;
import dev.nightshift.calendar.scheduling.store.SchedulingRunStore;
import dev.nightshift.engine.Engine;
import dev.nightshift.platform.database.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

/** Accepts scheduling requests: each one's row and its run commit together, in one transaction. */
@ApplicationScoped
class Scheduling {

  private final SchedulingRunStore runs;
  private final Engine engine;

  Scheduling(SchedulingRunStore runs, Engine engine) {
    this.runs = runs;
    this.engine = engine;
  }

  /** What starting did: a new scheduling run, or the one made earlier with the same key. */
  record Started(SchedulingRun run, boolean created) {}

  /**
   * Stores the request and triggers its run, durably, before the caller answers; with an
   * idempotency key used before, returns the earlier scheduling run instead.
   */
  @Transactional
  Started start(UUID team, SchedulingRequest request, String idempotencyKey) {
    var id = Ids.next();
    if (!runs.insertIfNew(id, team, request, idempotencyKey)) {
      return new Started(runs.findByIdempotencyKey(team, idempotencyKey).orElseThrow(), false);
    }
    var run =
        engine.trigger(
            ScheduleTasksTask.ID,
            new ScheduleTasksTask.Payload(id),
            ScheduleTasksTask.options(team));
    runs.setRun(id, run.id());
    return new Started(runs.find(id).orElseThrow(), true);
  }
}
