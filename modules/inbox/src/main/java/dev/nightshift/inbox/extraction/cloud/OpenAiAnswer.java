package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the model's JSON object into fields, each at the configured confidence. A value that is not
 * what the schema asks for (a date that is no ISO date, a currency that is no code) is left out
 * rather than passed on.
 */
final class OpenAiAnswer {

  static final String DOCUMENT_TYPE = "document_type";
  static final String TOTAL = "total_amount";
  static final String CURRENCY = "currency";
  static final String INVOICE_DATE = "invoice_date";
  static final String DUE_DATE = "due_date";
  static final String INVOICE_NUMBER = "invoice_number";
  static final String VENDOR = "vendor_name";
  static final String TAX = "tax_amount";

  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");

  private final String source;
  private final double confidence;

  OpenAiAnswer(String source, double confidence) {
    this.source = source;
    this.confidence = confidence;
  }

  Extraction read(JsonNode fields) {
    return new Extraction(
        found(kind(fields.path(DOCUMENT_TYPE).asText())),
        found(amount(fields.path(TOTAL))),
        found(currency(fields.path(CURRENCY).asText(""))),
        found(date(fields.path(INVOICE_DATE).asText(""))),
        found(date(fields.path(DUE_DATE).asText(""))),
        found(text(fields.path(INVOICE_NUMBER))),
        found(text(fields.path(VENDOR))),
        found(amount(fields.path(TAX))));
  }

  private static DocumentKind kind(String type) {
    return switch (type) {
      case "invoice" -> DocumentKind.INVOICE;
      case "receipt" -> DocumentKind.RECEIPT;
      case "other" -> DocumentKind.OTHER;
      default -> null;
    };
  }

  private static BigDecimal amount(JsonNode node) {
    if (!node.isNumber() && !node.isTextual()) {
      return null;
    }
    try {
      // From the number's text: a double's binary value would add digits the model never wrote.
      return new BigDecimal(node.asText().strip()).abs();
    } catch (NumberFormatException notAnAmount) {
      return null;
    }
  }

  private static String currency(String value) {
    String code = value.strip().toUpperCase(Locale.ROOT);
    return CURRENCY_CODE.matcher(code).matches() ? code : null;
  }

  private static LocalDate date(String value) {
    try {
      return value.isBlank() ? null : LocalDate.parse(value.strip());
    } catch (DateTimeParseException notIso) {
      return null;
    }
  }

  private static String text(JsonNode node) {
    String text = node.isTextual() ? node.asText().strip() : "";
    return text.isEmpty() ? null : text;
  }

  private <T> Extracted<T> found(T value) {
    return value == null ? null : new Extracted<>(value, source, confidence);
  }
}
