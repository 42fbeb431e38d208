package dev.nightshift.exports.run;

import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.exports.archive.Archiver;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportStatus;
import dev.nightshift.exports.export.ExportStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;
import java.util.concurrent.CancellationException;

/**
 * Writes an export's archive ({@link Archiver}) and completes the export. Every attempt starts from
 * scratch and writes the same vault path, so a retry after a crash replaces whatever the crashed
 * attempt left; an export that completed already is not written again.
 *
 * <p>Runs wait in the queue {@code exports}, one at a time per team and two at once in all, as an
 * export keeps a core busy: trigger them with {@link #options(UUID)}.
 */
@ApplicationScoped
@TaskDefinition(
    id = ExportTransactionsTask.ID,
    queue = "exports",
    concurrencyLimit = 1,
    queueLimit = 2,
    maxAttempts = 3,
    maxDuration = "2h")
public class ExportTransactionsTask
    implements Task<ExportTransactionsTask.Payload, ExportTransactionsTask.Result> {

  public static final String ID = "export-transactions";

  public record Payload(@NotNull UUID exportId) {}

  /** The archive's contents and size. */
  public record Result(
      UUID exportId,
      long transactions,
      int attachments,
      int missingAttachments,
      long bytes,
      String fileName) {}

  private final ExportStore exports;
  private final TransactionExports transactions;
  private final Archiver archiver;
  private final ExportCompletion completion;

  ExportTransactionsTask(
      ExportStore exports,
      TransactionExports transactions,
      Archiver archiver,
      ExportCompletion completion) {
    this.exports = exports;
    this.transactions = transactions;
    this.archiver = archiver;
    this.completion = completion;
  }

  /** How every run of this task is triggered: for the team, one at a time per team. */
  public static TriggerOptions options(UUID teamId) {
    return TriggerOptions.defaults().withTeam(teamId).withConcurrencyKey(teamId.toString());
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    var export =
        exports
            .find(payload.exportId())
            .orElseThrow(
                () -> new NonRetryableException("No export " + payload.exportId() + " exists."));
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(export.teamId())) {
      throw new NonRetryableException("A run of one team cannot export another team's data.");
    }
    if (export.status() == ExportStatus.COMPLETED) {
      return new Result(
          export.id(),
          export.rows(),
          export.attachments(),
          export.missingAttachments(),
          export.bytes(),
          export.fileName());
    }
    long total = transactions.count(export.teamId(), export.selection());
    if (!exports.started(export.id(), total)) {
      throw new NonRetryableException("Export " + export.id() + " is " + current(export) + ".");
    }
    var progress = new RunProgress(ctx, exports, export.id(), total);
    var done = archiver.write(export, progress, ctx::isCancelled);
    if (!completion.complete(export, done)) {
      throw new CancellationException("Export " + export.id() + " was canceled");
    }
    return new Result(
        export.id(),
        done.rows(),
        done.attachments(),
        done.missingAttachments(),
        done.bytes(),
        export.fileName());
  }

  private String current(Export export) {
    return exports.find(export.id()).map(e -> e.status().name()).orElse("deleted");
  }
}
