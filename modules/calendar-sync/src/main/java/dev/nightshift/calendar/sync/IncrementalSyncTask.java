package dev.nightshift.calendar.sync;

import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.List;
import java.util.UUID;

/**
 * Applies what changed since each synced calendar's stored token, of one connection or of every
 * active connection of a team. A calendar without a token, or whose token the provider no longer
 * knows (410 Gone), gets a full listing of the window instead; its log line stays INCREMENTAL with
 * {@code fell_back} set. Trigger it through {@link SyncRuns}: one sync per team at a time.
 */
@ApplicationScoped
@TaskDefinition(
    id = IncrementalSyncTask.ID,
    queue = SyncRuns.QUEUE,
    concurrencyLimit = 1,
    maxAttempts = 3,
    backoffBase = "30s",
    maxDuration = "30m")
public class IncrementalSyncTask implements Task<IncrementalSyncTask.Payload, SyncResult> {

  public static final String ID = "calendar-incremental-sync";

  /**
   * @param connectionId one connection of the team, or null for all its active connections
   */
  public record Payload(@NotNull UUID teamId, UUID connectionId, @NotNull SyncTrigger trigger) {}

  private final ConnectionStore connections;
  private final SyncRunner runner;

  IncrementalSyncTask(ConnectionStore connections, SyncRunner runner) {
    this.connections = connections;
    this.runner = runner;
  }

  @Override
  public SyncResult run(Payload payload, TaskContext ctx) throws Exception {
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(payload.teamId())) {
      throw new NonRetryableException("A run of one team cannot sync another team's calendars.");
    }
    var targets =
        payload.connectionId() == null
            ? connections.activeOf(payload.teamId())
            : connections
                .find(payload.connectionId())
                .filter(c -> c.active() && c.teamId().equals(payload.teamId()))
                .map(List::of)
                .orElse(List.of());
    return runner.run(targets, SyncType.INCREMENTAL, payload.trigger(), null, ctx);
  }
}
