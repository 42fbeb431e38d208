package dev.nightshift.inbox.item;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * An extraction as {@code inbox.items} stores it: each field's value in its column, and every field
 * with its source and confidence as JSON.
 */
public record ExtractedFields(
    String kind,
    BigDecimal amount,
    String currency,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String invoiceNumber,
    String vendor,
    BigDecimal taxAmount,
    String json) {}
