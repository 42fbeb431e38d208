package dev.nightshift.contracts.exports;

import dev.nightshift.contracts.transactions.TransactionSelection;
import java.time.Instant;
import java.util.UUID;

/**
 * Published when an export's archive is in the vault: the payload of the event {@value #NAME}. The
 * transactions module marks the selection as exported when it receives it.
 *
 * @param selection the transactions the archive holds
 * @param transactions rows written to the CSV
 * @param attachments files packed beside it; {@code missingAttachments} more were listed but could
 *     not be read
 * @param bytes the archive's size
 * @param downloadUrl a signed link that serves the archive without an API key until {@code
 *     downloadExpiresAt}
 */
public record ExportCompleted(
    UUID teamId,
    UUID exportId,
    TransactionSelection selection,
    long transactions,
    int attachments,
    int missingAttachments,
    long bytes,
    String fileName,
    String downloadUrl,
    Instant downloadExpiresAt) {

  public static final String NAME = "export.completed";
}
