package dev.nightshift.calendar.sync;

import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.Arrays;
import java.util.UUID;

/**
 * An incremental sync of every workspace with an active connection: one child run of {@code
 * calendar-incremental-sync} per team (with the team's concurrency key, so it waits for any other
 * sync of that team), then waits for them all without holding a worker and sums up. The team list
 * is a step, so a resumed run waits for the same children.
 */
@ApplicationScoped
@TaskDefinition(id = BatchSyncTask.ID, concurrencyLimit = 1, maxAttempts = 3, maxDuration = "10m")
public class BatchSyncTask implements Task<BatchSyncTask.Payload, BatchSyncTask.Result> {

  public static final String ID = "calendar-batch-sync";

  public record Payload(@NotNull SyncTrigger trigger) {}

  /**
   * @param teams children triggered, one per team
   * @param succeeded children that completed; {@code failed} those that did not
   * @param inserted events added by the children that completed; likewise {@code updated} and
   *     {@code deleted}
   */
  public record Result(
      int teams, int succeeded, int failed, int inserted, int updated, int deleted) {}

  private final ConnectionStore connections;

  BatchSyncTask(ConnectionStore connections) {
    this.connections = connections;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    var teams =
        ctx.step(
            "teams",
            UUID[].class,
            () -> connections.teamsWithActiveConnections().toArray(UUID[]::new));
    var items =
        Arrays.stream(teams)
            .map(
                team ->
                    new Engine.BatchItem(
                        new IncrementalSyncTask.Payload(team, null, payload.trigger()),
                        SyncRuns.options(team)))
            .toList();
    var children = ctx.batchTriggerAndWait(IncrementalSyncTask.ID, items, SyncResult.class);
    int succeeded = 0;
    var sum = Counts.NONE;
    for (var child : children) {
      if (child.isCompleted()) {
        succeeded++;
        sum = sum.plus(child.output().counts());
      }
    }
    return new Result(
        teams.length,
        succeeded,
        teams.length - succeeded,
        sum.inserted(),
        sum.updated(),
        sum.deleted());
  }
}
