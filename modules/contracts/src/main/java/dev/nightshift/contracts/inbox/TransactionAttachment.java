package dev.nightshift.contracts.inbox;

import java.util.UUID;

/**
 * A document linked to a transaction, as an export packs it.
 *
 * @param id the inbox item's id
 * @param blobKey the content's key in the platform's blob store
 */
public record TransactionAttachment(
    UUID id, UUID transactionId, String fileName, String contentType, long size, String blobKey) {}
