package dev.nightshift.exports.export;

import dev.nightshift.contracts.transactions.TransactionSelection;
import java.time.Instant;
import java.util.UUID;

/**
 * One export, as stored.
 *
 * @param total the transactions the selection held when the run started; null before
 * @param rows CSV rows written so far
 * @param bytes archive bytes written so far; its size once completed
 * @param archivePath where the archive is in the vault
 * @param linkKeySealed the sealed key that signs its download links
 */
public record Export(
    UUID id,
    UUID teamId,
    UUID runId,
    ExportStatus status,
    TransactionSelection selection,
    ExportOptions options,
    String fileName,
    String archivePath,
    String linkKeySealed,
    Long total,
    long rows,
    int attachments,
    int missingAttachments,
    long bytes,
    String error,
    Instant createdAt,
    Instant startedAt,
    Instant completedAt,
    Instant expiresAt) {}
