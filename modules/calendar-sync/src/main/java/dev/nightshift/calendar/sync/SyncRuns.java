package dev.nightshift.calendar.sync;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Triggers syncs. Every sync of a team, whatever asked for it, runs in the queue {@value #QUEUE}
 * with the team as concurrency key, so two syncs of one workspace never run at once (the engine's
 * guarantee replaces the seed's check-then-set lock). Triggers join the caller's transaction.
 */
@ApplicationScoped
public class SyncRuns {

  /** The queue both sync tasks share, limited to one run per team. */
  public static final String QUEUE = "calendar-sync";

  private final Engine engine;

  SyncRuns(Engine engine) {
    this.engine = engine;
  }

  /** The options of every sync run of {@code team}. */
  public static TriggerOptions options(UUID team) {
    return TriggerOptions.defaults().withTeam(team).withConcurrencyKey(team.toString());
  }

  public TriggerResult full(UUID team, UUID connection, UUID calendar, SyncTrigger trigger) {
    return engine.trigger(
        FullSyncTask.ID, new FullSyncTask.Payload(connection, calendar, trigger), options(team));
  }

  public TriggerResult incremental(UUID team, UUID connection, SyncTrigger trigger) {
    return engine.trigger(
        IncrementalSyncTask.ID,
        new IncrementalSyncTask.Payload(team, connection, trigger),
        options(team));
  }

  /** At most one run per key: a push notification delivered twice syncs once. */
  public TriggerResult incremental(
      UUID team, UUID connection, SyncTrigger trigger, String idempotencyKey, Duration keyTtl) {
    return engine.trigger(
        IncrementalSyncTask.ID,
        new IncrementalSyncTask.Payload(team, connection, trigger),
        options(team).withIdempotencyKey(idempotencyKey, keyTtl));
  }
}
