package dev.nightshift.exports.web;

import dev.nightshift.engine.Engine;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.exports.export.NewExport;
import dev.nightshift.exports.link.DownloadLinks;
import dev.nightshift.exports.run.ExportTransactionsTask;
import dev.nightshift.platform.blob.Vault;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

/** Starts, cancels and deletes exports; each change commits with its run in one transaction. */
@ApplicationScoped
class Exporting {

  private static final DateTimeFormatter FILE_TIME =
      DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm").withZone(ZoneOffset.UTC);

  private final ExportStore exports;
  private final Engine engine;
  private final DownloadLinks links;
  private final Vault vault;

  Exporting(ExportStore exports, Engine engine, DownloadLinks links, Vault vault) {
    this.exports = exports;
    this.engine = engine;
    this.links = links;
    this.vault = vault;
  }

  /** What starting an export did: a new export, or the one made earlier with the same key. */
  record Started(Export export, boolean created) {}

  /**
   * Stores the export and triggers its run, durably, before the caller answers; with an idempotency
   * key used before, returns the earlier export instead.
   */
  @Transactional
  Started start(UUID team, RequestCheck.Checked request, String idempotencyKey, Instant now) {
    var id = Ids.next();
    var inserted =
        exports.insertIfNew(
            new NewExport(
                id,
                team,
                request.selection(),
                request.options(),
                idempotencyKey,
                "transactions-" + FILE_TIME.format(now) + ".zip",
                "exports/" + team + "/" + id + ".zip",
                links.newKey(id)));
    if (inserted.isEmpty()) {
      return new Started(exports.findByIdempotencyKey(team, idempotencyKey).orElseThrow(), false);
    }
    var run =
        engine.trigger(
            ExportTransactionsTask.ID,
            new ExportTransactionsTask.Payload(id),
            ExportTransactionsTask.options(team));
    exports.setRun(id, run.id());
    return new Started(exports.find(id).orElseThrow(), true);
  }

  /** Cancels a queued or running export; its run stops and leaves nothing in the vault. */
  @Transactional
  Export cancel(Export export) {
    if (!exports.canceled(export.id())) {
      throw ProblemException.conflict(
          "Export " + export.id() + " is " + export.status() + " and can no longer be canceled.");
    }
    if (export.runId() != null) {
      engine.cancel(export.runId());
    }
    return exports.find(export.id()).orElseThrow();
  }

  /** Deletes the export and its archive; its links stop working. A running export is canceled. */
  void delete(Export export) throws IOException {
    if (!export.status().finished()) {
      cancelQuietly(export);
    }
    vault.delete(export.archivePath());
    exports.delete(export.id());
  }

  private void cancelQuietly(Export export) {
    try {
      cancel(export);
    } catch (ProblemException e) {
      // It finished meanwhile: deleting it is all that is left to do.
    }
  }
}
