package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * The JSON a delivery sends, in the Standard Webhooks shape ({@code type}, {@code timestamp},
 * {@code data}) with the delivery's and the event's ids. It is written once, when the delivery is
 * made, so every attempt sends and signs the same bytes.
 */
@ApplicationScoped
class Envelope {

  private final ObjectMapper json;

  Envelope(ObjectMapper json) {
    this.json = json;
  }

  String write(
      UUID delivery, String type, Instant occurredAt, UUID eventId, UUID team, JsonNode data) {
    var envelope = json.createObjectNode();
    envelope.put("id", delivery.toString());
    envelope.put("type", type);
    envelope.put("timestamp", occurredAt.toString());
    envelope.put("teamId", team.toString());
    envelope.put("eventId", eventId == null ? null : eventId.toString());
    envelope.set("data", data);
    return envelope.toString();
  }
}
