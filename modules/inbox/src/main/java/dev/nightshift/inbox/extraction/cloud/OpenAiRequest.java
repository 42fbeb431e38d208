package dev.nightshift.inbox.extraction.cloud;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Base64;

/**
 * The chat completions request: instructions, the document as text or as an image, and a strict
 * JSON schema for the answer (structured outputs), so the reply is one JSON object of the fields.
 * No temperature is sent: several models accept only their default.
 */
final class OpenAiRequest {

  static final String INSTRUCTIONS =
      """
      You read invoices and receipts. Extract the fields of the document you are given.
      Amounts as printed, without a sign. Dates as yyyy-mm-dd. The currency as its ISO 4217 \
      code. The vendor is the party that issued the document and is to be paid, never the \
      customer it is addressed to. Use null for anything the document does not state; never \
      guess.""";

  private final ObjectMapper json;

  OpenAiRequest(ObjectMapper json) {
    this.json = json;
  }

  ObjectNode forText(String model, String fileName, String text) {
    ObjectNode body = base(model);
    ArrayNode content = userContent(body);
    content.addObject().put("type", "text").put("text", "File: " + fileName + "\n\n" + text);
    return body;
  }

  ObjectNode forImage(String model, String fileName, String contentType, byte[] image) {
    ObjectNode body = base(model);
    ArrayNode content = userContent(body);
    content.addObject().put("type", "text").put("text", "File: " + fileName);
    content
        .addObject()
        .put("type", "image_url")
        .putObject("image_url")
        .put("url", "data:" + contentType + ";base64," + Base64.getEncoder().encodeToString(image));
    return body;
  }

  private ObjectNode base(String model) {
    ObjectNode body = json.createObjectNode().put("model", model);
    body.putArray("messages").addObject().put("role", "system").put("content", INSTRUCTIONS);
    ObjectNode format = body.putObject("response_format").put("type", "json_schema");
    format
        .putObject("json_schema")
        .put("name", "invoice_fields")
        .put("strict", true)
        .set("schema", schema());
    return body;
  }

  private static ArrayNode userContent(ObjectNode body) {
    return ((ArrayNode) body.get("messages")).addObject().put("role", "user").putArray("content");
  }

  /** Strict mode wants every property required and no others; absent means null. */
  private ObjectNode schema() {
    ObjectNode schema = json.createObjectNode().put("type", "object");
    ObjectNode properties = schema.putObject("properties");
    properties
        .putObject(OpenAiAnswer.DOCUMENT_TYPE)
        .put("type", "string")
        .putArray("enum")
        .add("invoice")
        .add("receipt")
        .add("other");
    nullable(properties, OpenAiAnswer.TOTAL, "number", "The total to pay, tax included");
    nullable(properties, OpenAiAnswer.CURRENCY, "string", "ISO 4217 code, such as EUR");
    nullable(properties, OpenAiAnswer.INVOICE_DATE, "string", "yyyy-mm-dd");
    nullable(properties, OpenAiAnswer.DUE_DATE, "string", "yyyy-mm-dd");
    nullable(properties, OpenAiAnswer.INVOICE_NUMBER, "string", "As printed");
    nullable(properties, OpenAiAnswer.VENDOR, "string", "The issuer's legal name");
    nullable(properties, OpenAiAnswer.TAX, "number", "The total tax");
    ArrayNode required = schema.putArray("required");
    properties.fieldNames().forEachRemaining(required::add);
    schema.put("additionalProperties", false);
    return schema;
  }

  private static void nullable(
      ObjectNode properties, String name, String type, String description) {
    ObjectNode property = properties.putObject(name);
    property.putArray("type").add(type).add("null");
    property.put("description", description);
  }
}
