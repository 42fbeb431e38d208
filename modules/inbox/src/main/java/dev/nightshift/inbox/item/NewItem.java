package dev.nightshift.inbox.item;

import java.util.UUID;

/** A document accepted by intake, stored in the blob store, not yet in the inbox. */
public record NewItem(
    UUID teamId,
    String referenceId,
    Source source,
    String blobKey,
    String fileName,
    String contentType,
    long size,
    String sender,
    String subject) {}
