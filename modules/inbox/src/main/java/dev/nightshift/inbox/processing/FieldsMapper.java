package dev.nightshift.inbox.processing;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.inbox.extraction.Extracted;
import dev.nightshift.inbox.extraction.Extraction;
import dev.nightshift.inbox.item.ExtractedFields;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.LinkedHashMap;
import java.util.Map;

/** Turns an extraction into the item's columns and its per-field JSON. */
@ApplicationScoped
class FieldsMapper {

  private final ObjectMapper json;

  FieldsMapper(ObjectMapper json) {
    this.json = json;
  }

  ExtractedFields toFields(Extraction extraction) {
    var fields = new LinkedHashMap<String, Extracted<?>>();
    put(fields, "kind", extraction.kind());
    put(fields, "total", extraction.total());
    put(fields, "currency", extraction.currency());
    put(fields, "invoiceDate", extraction.invoiceDate());
    put(fields, "dueDate", extraction.dueDate());
    put(fields, "invoiceNumber", extraction.invoiceNumber());
    put(fields, "vendor", extraction.vendor());
    put(fields, "taxAmount", extraction.taxAmount());
    return new ExtractedFields(
        extraction.kind() == null ? null : extraction.kind().value().name(),
        value(extraction.total()),
        value(extraction.currency()),
        value(extraction.invoiceDate()),
        value(extraction.dueDate()),
        value(extraction.invoiceNumber()),
        value(extraction.vendor()),
        value(extraction.taxAmount()),
        write(fields));
  }

  private static void put(Map<String, Extracted<?>> fields, String name, Extracted<?> field) {
    if (field != null) {
      fields.put(name, field);
    }
  }

  private static <T> T value(Extracted<T> field) {
    return field == null ? null : field.value();
  }

  private String write(Map<String, Extracted<?>> fields) {
    try {
      return json.writeValueAsString(fields);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write extracted fields", e);
    }
  }
}
