package dev.nightshift.transactions.provider.teller;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * Reads a Teller webhook body ({@code {"id", "type", "timestamp", "payload": {...}}}) into a {@link
 * TellerWebhook}. Verify the signature first ({@link TellerWebhookVerifier}): the body is only
 * trusted once it is. Thread safe.
 */
@Singleton
public class TellerWebhookParser {

  private final ObjectMapper json;

  public TellerWebhookParser(ObjectMapper json) {
    this.json = json;
  }

  /**
   * @throws IllegalArgumentException when the body is not JSON or lacks the id or the type
   */
  public TellerWebhook parse(byte[] body) {
    JsonNode root;
    try {
      root = json.readTree(body);
    } catch (JacksonException malformed) {
      throw new IllegalArgumentException(
          "the Teller webhook is not JSON: " + malformed.getOriginalMessage());
    } catch (IOException unreadable) {
      throw new IllegalArgumentException("the Teller webhook cannot be read", unreadable);
    }
    if (root == null || !root.isObject()) {
      throw new IllegalArgumentException("the Teller webhook is not a JSON object");
    }
    String id = text(root, "id");
    String type = text(root, "type");
    if (id == null || type == null) {
      throw new IllegalArgumentException("the Teller webhook has no id or no type");
    }
    JsonNode payload = root.path("payload");
    return new TellerWebhook(
        id,
        TellerWebhook.Type.of(type),
        type,
        timestamp(text(root, "timestamp")),
        text(payload, "enrollment_id"),
        text(payload, "reason"),
        text(payload, "account_id"));
  }

  private static Instant timestamp(String text) {
    if (text == null) {
      return null;
    }
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException notIso) {
      throw new IllegalArgumentException("the Teller webhook timestamp is not ISO 8601: " + text);
    }
  }

  private static String text(JsonNode node, String field) {
    JsonNode value = node.get(field);
    return value == null || !value.isTextual() ? null : value.asText();
  }
}
