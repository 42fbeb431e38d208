package dev.nightshift.inbox.corpus;

import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.text.vocabulary.Language;
import java.math.BigDecimal;
import java.time.LocalDate;

/** What a generated document says, field by field; a receipt has no due date. */
public record GroundTruth(
    String id,
    Language language,
    DocumentKind kind,
    String vendor,
    BigDecimal total,
    String currency,
    LocalDate invoiceDate,
    LocalDate dueDate,
    String invoiceNumber,
    BigDecimal taxAmount) {}
