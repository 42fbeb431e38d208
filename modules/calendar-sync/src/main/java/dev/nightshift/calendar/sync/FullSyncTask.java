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
 * Lists every event of the sync window of a connection's synced calendars (or of one of them),
 * applies them, and stores each calendar's new sync token. Trigger it through {@link SyncRuns}: in
 * the queue {@value SyncRuns#QUEUE}, one sync per team at a time. A connection deleted or
 * deactivated meanwhile is skipped.
 */
@ApplicationScoped
@TaskDefinition(
    id = FullSyncTask.ID,
    queue = SyncRuns.QUEUE,
    concurrencyLimit = 1,
    maxAttempts = 5,
    backoffBase = "30s",
    maxDuration = "30m")
public class FullSyncTask implements Task<FullSyncTask.Payload, SyncResult> {

  public static final String ID = "calendar-full-sync";

  /**
   * @param calendarId one calendar of the connection, or null for all its synced calendars
   */
  public record Payload(
      @NotNull UUID connectionId, UUID calendarId, @NotNull SyncTrigger trigger) {}

  private final ConnectionStore connections;
  private final SyncRunner runner;

  FullSyncTask(ConnectionStore connections, SyncRunner runner) {
    this.connections = connections;
    this.runner = runner;
  }

  @Override
  public SyncResult run(Payload payload, TaskContext ctx) throws Exception {
    var connection = connections.find(payload.connectionId()).orElse(null);
    if (connection == null || !connection.active()) {
      return new SyncResult(0, Counts.NONE);
    }
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(connection.teamId())) {
      throw new NonRetryableException("A run of one team cannot sync another team's calendars.");
    }
    return runner.run(
        List.of(connection), SyncType.FULL, payload.trigger(), payload.calendarId(), ctx);
  }
}
