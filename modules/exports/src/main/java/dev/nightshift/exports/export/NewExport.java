package dev.nightshift.exports.export;

import dev.nightshift.contracts.transactions.TransactionSelection;
import java.util.UUID;

/** An export to create: its request, checked and completed. */
public record NewExport(
    UUID id,
    UUID teamId,
    TransactionSelection selection,
    ExportOptions options,
    String idempotencyKey,
    String fileName,
    String archivePath,
    String linkKeySealed) {}
