package dev.nightshift.exports.run;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.platform.blob.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Deletes the archives of exports completed more than {@code nightshift.exports.retention} ago; the
 * exports become EXPIRED and their links answer 410. Triggered daily by {@link ExpireExportsTick}.
 */
@ApplicationScoped
@TaskDefinition(id = ExpireExportsTask.ID, queue = "exports-maintenance", concurrencyLimit = 1)
public class ExpireExportsTask
    implements Task<ExpireExportsTask.Payload, ExpireExportsTask.Result> {

  public static final String ID = "exports-expire";

  private static final int BATCH = 500;

  public record Payload() {}

  /** How many archives were deleted. */
  public record Result(int expired) {}

  private final ExportStore exports;
  private final Vault vault;

  ExpireExportsTask(ExportStore exports, Vault vault) {
    this.exports = exports;
    this.vault = vault;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    int expired = 0;
    while (!ctx.isCancelled()) {
      var due = exports.dueForExpiry(Instant.now(), BATCH);
      for (var export : due) {
        vault.delete(export.archivePath());
        exports.expired(export.id());
        expired++;
      }
      if (due.size() < BATCH) {
        break;
      }
    }
    return new Result(expired);
  }
}
