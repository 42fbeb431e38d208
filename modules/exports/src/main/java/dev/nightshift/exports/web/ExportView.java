package dev.nightshift.exports.web;

import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.exports.export.Export;
import dev.nightshift.exports.export.ExportOptions;
import dev.nightshift.exports.export.ExportStatus;
import dev.nightshift.exports.link.DownloadLinks;
import java.time.Instant;
import java.util.UUID;

/**
 * An export as the API shows it. {@code downloadUrl} is set while the archive is available: a fresh
 * signed link, valid until {@code downloadExpiresAt}, on every read.
 *
 * @param runId the {@code export-transactions} run: follow it live at {@code
 *     /api/v1/runs/{runId}/events}
 */
public record ExportView(
    UUID id,
    UUID teamId,
    UUID runId,
    ExportStatus status,
    TransactionSelection selection,
    ExportOptions options,
    String fileName,
    ProgressView progress,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    Instant expiresAt,
    String downloadUrl,
    Instant downloadExpiresAt) {

  /**
   * @param total transactions in the selection, known once the run started
   * @param percent rows written of the total, 0 to 100
   * @param bytes archive bytes written; its size once completed
   */
  public record ProgressView(
      Long total,
      long rows,
      Integer percent,
      int attachments,
      int missingAttachments,
      long bytes) {}

  static ExportView of(Export export, DownloadLinks links) {
    DownloadLinks.Link link =
        export.status() == ExportStatus.COMPLETED ? links.issue(export) : null;
    Integer percent = null;
    if (export.status() == ExportStatus.COMPLETED || export.status() == ExportStatus.EXPIRED) {
      percent = 100;
    } else if (export.total() != null) {
      percent = export.total() == 0 ? 0 : (int) Math.min(100, export.rows() * 100 / export.total());
    }
    return new ExportView(
        export.id(),
        export.teamId(),
        export.runId(),
        export.status(),
        export.selection(),
        export.options(),
        export.fileName(),
        new ProgressView(
            export.total(),
            export.rows(),
            percent,
            export.attachments(),
            export.missingAttachments(),
            export.bytes()),
        export.error(),
        export.createdAt(),
        export.startedAt(),
        export.completedAt(),
        export.expiresAt(),
        link == null ? null : link.url(),
        link == null ? null : link.expiresAt());
  }
}
