package dev.nightshift.exports.run;

import dev.nightshift.engine.TaskContext;
import dev.nightshift.exports.archive.ProgressListener;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.exports.export.Progress;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * Reports an export's progress by rows and bytes: to the run after every page (streamed to its
 * subscribers; the engine coalesces the writes), and to the export's row at most once a second,
 * which is what {@code GET /api/v1/exports/{id}} shows.
 */
final class RunProgress implements ProgressListener {

  private static final long ROW_INTERVAL = Duration.ofSeconds(1).toNanos();

  private final TaskContext ctx;
  private final ExportStore exports;
  private final UUID exportId;
  private final long total;
  private long lastStored = System.nanoTime();

  RunProgress(TaskContext ctx, ExportStore exports, UUID exportId, long total) {
    this.ctx = ctx;
    this.exports = exports;
    this.exportId = exportId;
    this.total = total;
  }

  @Override
  public void progressed(Progress progress) {
    ctx.progress(progress.rows(), total, progress.rows() + " of " + total + " transactions");
    ctx.metadata(
        Map.of(
            "bytes", progress.bytes(),
            "attachments", progress.attachments(),
            "missingAttachments", progress.missingAttachments()));
    long now = System.nanoTime();
    if (now - lastStored >= ROW_INTERVAL) {
      exports.progress(exportId, progress);
      lastStored = now;
    }
  }
}
