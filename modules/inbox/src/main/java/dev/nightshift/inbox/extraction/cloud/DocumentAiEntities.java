package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import java.math.BigDecimal;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Maps the Invoice Parser's {@code document.entities[]} to fields. Of several entities of one type
 * the most confident is taken. Amounts and dates come from {@code normalizedValue}; an entity
 * without one, such as a total the parser could not normalize, is left out rather than guessed from
 * {@code mentionText}.
 *
 * <ul>
 *   <li>{@code total_amount}: the total, and the currency when no {@code currency} entity says more
 *       confidently
 *   <li>{@code total_tax_amount}: the tax; without it, the total less {@code net_amount}
 *   <li>{@code invoice_date}, {@code due_date}, {@code invoice_id}, {@code supplier_name}
 *   <li>the kind is INVOICE when a total or invoice id was found, at that entity's confidence
 * </ul>
 */
final class DocumentAiEntities {

  static final String SOURCE = "document-ai";
  private static final Pattern CURRENCY_CODE = Pattern.compile("[A-Z]{3}");
  private static final BigDecimal NANOS = BigDecimal.valueOf(1_000_000_000L);

  private DocumentAiEntities() {}

  static Extraction extraction(JsonNode entities) {
    Map<String, JsonNode> best = new HashMap<>();
    for (JsonNode entity : entities) {
      String type = entity.path("type").asText();
      JsonNode held = best.get(type);
      if (held == null || confidence(entity) > confidence(held)) {
        best.put(type, entity);
      }
    }
    Extracted<BigDecimal> total = money(best.get("total_amount"));
    Extracted<BigDecimal> net = money(best.get("net_amount"));
    Extracted<BigDecimal> tax = money(best.get("total_tax_amount"));
    if (tax == null && total != null && net != null) {
      tax =
          new Extracted<>(
              total.value().subtract(net.value()).abs(),
              SOURCE,
              Math.min(total.confidence(), net.confidence()));
    }
    Extracted<String> invoiceNumber = text(best.get("invoice_id"));
    return new Extraction(
        kind(total, invoiceNumber),
        total,
        moreConfident(currency(best.get("currency")), moneyCurrency(best.get("total_amount"))),
        date(best.get("invoice_date")),
        date(best.get("due_date")),
        invoiceNumber,
        text(best.get("supplier_name")),
        tax);
  }

  private static Extracted<DocumentKind> kind(
      Extracted<BigDecimal> total, Extracted<String> invoiceNumber) {
    if (total == null && invoiceNumber == null) {
      return null;
    }
    double confidence =
        Math.max(
            total == null ? 0 : total.confidence(),
            invoiceNumber == null ? 0 : invoiceNumber.confidence());
    return new Extracted<>(DocumentKind.INVOICE, SOURCE, confidence);
  }

  private static <T> Extracted<T> moreConfident(Extracted<T> first, Extracted<T> second) {
    if (first == null || second == null) {
      return first == null ? second : first;
    }
    return second.confidence() > first.confidence() ? second : first;
  }

  private static Extracted<BigDecimal> money(JsonNode entity) {
    JsonNode money = entity == null ? null : entity.path("normalizedValue").path("moneyValue");
    if (money == null || money.isMissingNode()) {
      return null;
    }
    // units is an int64, which proto3 JSON writes as a string; nanos carries the units' sign.
    BigDecimal units = new BigDecimal(money.path("units").asText("0"));
    BigDecimal nanos = BigDecimal.valueOf(money.path("nanos").asLong()).divide(NANOS);
    return found(units.add(nanos).abs().stripTrailingZeros(), entity);
  }

  private static Extracted<String> moneyCurrency(JsonNode entity) {
    if (entity == null) {
      return null;
    }
    String code = entity.path("normalizedValue").path("moneyValue").path("currencyCode").asText();
    return CURRENCY_CODE.matcher(code).matches() ? found(code, entity) : null;
  }

  private static Extracted<String> currency(JsonNode entity) {
    if (entity == null) {
      return null;
    }
    for (String candidate :
        new String[] {
          entity.path("normalizedValue").path("text").asText(), entity.path("mentionText").asText()
        }) {
      String code = candidate.strip().toUpperCase(Locale.ROOT);
      if (CURRENCY_CODE.matcher(code).matches()) {
        return found(code, entity);
      }
    }
    return null;
  }

  private static Extracted<LocalDate> date(JsonNode entity) {
    JsonNode date = entity == null ? null : entity.path("normalizedValue").path("dateValue");
    if (date == null || date.isMissingNode()) {
      return null;
    }
    try {
      return found(
          LocalDate.of(
              date.path("year").asInt(), date.path("month").asInt(), date.path("day").asInt()),
          entity);
    } catch (DateTimeException partialDate) {
      // Google's Date allows 0 for an unknown day or month; such a date matches nothing.
      return null;
    }
  }

  private static Extracted<String> text(JsonNode entity) {
    if (entity == null) {
      return null;
    }
    String normalized = entity.path("normalizedValue").path("text").asText().strip();
    String text = normalized.isEmpty() ? entity.path("mentionText").asText().strip() : normalized;
    return text.isEmpty() ? null : found(text.replaceAll("\\s+", " "), entity);
  }

  private static <T> Extracted<T> found(T value, JsonNode entity) {
    return new Extracted<>(value, SOURCE, confidence(entity));
  }

  private static double confidence(JsonNode entity) {
    return Math.clamp(entity.path("confidence").asDouble(0), 0, 1);
  }
}
