package dev.nightshift.exports.run;

import dev.nightshift.contracts.exports.ExportCompleted;
import dev.nightshift.engine.Events;
import dev.nightshift.exports.config.ExportsConfig;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.exports.export.Progress;
import dev.nightshift.exports.link.DownloadLinks;
import dev.nightshift.platform.blob.Vault;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.time.Instant;

/**
 * Completes an export whose archive is in the vault: the export's row and {@code export.completed}
 * commit together, so webhooks and the transactions module hear of exactly the exports that
 * completed.
 */
@ApplicationScoped
class ExportCompletion {

  private final ExportStore exports;
  private final Events events;
  private final DownloadLinks links;
  private final Vault vault;
  private final ExportsConfig config;

  ExportCompletion(
      ExportStore exports, Events events, DownloadLinks links, Vault vault, ExportsConfig config) {
    this.exports = exports;
    this.events = events;
    this.links = links;
    this.vault = vault;
    this.config = config;
  }

  /**
   * Marks the export COMPLETED and publishes its event. False when it was canceled while the
   * archive was written: the archive is then deleted, as a canceled export leaves nothing behind.
   */
  boolean complete(Export export, Progress done) throws IOException {
    if (!commit(export, done)) {
      vault.delete(export.archivePath());
      return false;
    }
    return true;
  }

  @Transactional
  boolean commit(Export export, Progress done) {
    if (!exports.completed(export.id(), done, Instant.now().plus(config.retention()))) {
      return false;
    }
    var link = links.issue(export);
    events.publish(
        ExportCompleted.NAME,
        export.teamId(),
        new ExportCompleted(
            export.teamId(),
            export.id(),
            export.selection(),
            done.rows(),
            done.attachments(),
            done.missingAttachments(),
            done.bytes(),
            export.fileName(),
            link.url(),
            link.expiresAt()));
    return true;
  }
}
