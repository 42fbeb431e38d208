package dev.nightshift.inbox.item;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * One received document and what was read from it.
 *
 * @param blobKey the content's key in the platform blob store
 * @param amount unsigned, as printed on the document
 * @param fields every extracted field with its value, source and confidence
 * @param processRunId the process-document run: follow it at {@code /api/v1/runs/{id}}
 */
public record InboxItem(
    UUID id,
    UUID teamId,
    String referenceId,
    Source source,
    @JsonIgnore String blobKey,
    String fileName,
    String contentType,
    long size,
    String sender,
    String subject,
    ItemStatus status,
    String failureReason,
    UUID processRunId,
    String kind,
    BigDecimal amount,
    String currency,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String invoiceNumber,
    String vendor,
    BigDecimal taxAmount,
    JsonNode fields,
    String matchStatus,
    UUID transactionId,
    Instant matchedAt,
    Instant createdAt,
    Instant updatedAt) {}
