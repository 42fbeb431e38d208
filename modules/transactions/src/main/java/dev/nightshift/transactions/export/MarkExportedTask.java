package dev.nightshift.transactions.export;

import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.Instant;
import java.util.UUID;

/**
 * Marks the transactions of a completed export as exported ({@code exported_at}), so that a later
 * export of "not exported yet" leaves them out. Triggered by {@code export.completed} ({@link
 * CompletedExports}).
 *
 * <p>It works through the selection {@value #CHUNK} rows per statement, each chunk a durable step:
 * a retried run goes on after the last chunk it stored. Marking is idempotent besides (a marked row
 * keeps its first time), so a chunk done twice, or a whole run made twice, changes nothing.
 *
 * <p>Only rows stored before the export completed are marked, whatever the selection says: a row a
 * sync stored later cannot be in the archive. Runs of one team take turns (the team is their
 * concurrency key), so two marks never wait for each other's row locks.
 */
@ApplicationScoped
@TaskDefinition(id = MarkExportedTask.ID, concurrencyLimit = 1, maxDuration = "30m")
public class MarkExportedTask implements Task<MarkExportedTask.Payload, MarkExportedTask.Result> {

  public static final String ID = "transactions-mark-exported";

  /** Rows marked per statement: one short transaction each. */
  static final int CHUNK = 10_000;

  /**
   * @param selection the export's selection, as {@code export.completed} carried it
   * @param exportedAt when the export completed (the event's time), stored as {@code exported_at}
   */
  public record Payload(
      @NotNull UUID teamId,
      @NotNull UUID exportId,
      @NotNull TransactionSelection selection,
      @NotNull Instant exportedAt) {}

  /**
   * @param transactions the selection's transactions stored before the export completed
   * @param marked those that no earlier export had marked
   */
  public record Result(long transactions, long marked) {}

  private final ExportMarkStore marks;

  MarkExportedTask(ExportMarkStore marks) {
    this.marks = marks;
  }

  /** How every run of this task is triggered: for the team, one at a time per team. */
  public static TriggerOptions options(UUID teamId) {
    return TriggerOptions.defaults().withTeam(teamId).withConcurrencyKey(teamId.toString());
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    var team = payload.teamId();
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(team)) {
      throw new NonRetryableException("A run of one team cannot mark another team's transactions.");
    }
    var selection = payload.selection();
    var createdBefore = storedBefore(selection, payload.exportedAt());
    long total = ctx.step("total", Long.class, () -> marks.count(team, selection, createdBefore));
    long rows = 0;
    long marked = 0;
    TransactionPosition after = null;
    while (!ctx.isCancelled()) {
      var from = after;
      var chunk =
          ctx.step(
              "chunk",
              ExportMarkStore.Chunk.class,
              () -> marks.mark(team, selection, createdBefore, payload.exportedAt(), from, CHUNK));
      rows += chunk.rows();
      marked += chunk.marked();
      ctx.progress(rows, total, rows + " of " + total + " transactions marked");
      if (chunk.rows() < CHUNK) {
        break;
      }
      after = chunk.last();
    }
    return new Result(rows, marked);
  }

  /**
   * The selection's own bound, or the export's completion when that is earlier or there is none.
   */
  private static Instant storedBefore(TransactionSelection selection, Instant exportedAt) {
    var own = selection.createdBefore();
    return own != null && own.isBefore(exportedAt) ? own : exportedAt;
  }
}
