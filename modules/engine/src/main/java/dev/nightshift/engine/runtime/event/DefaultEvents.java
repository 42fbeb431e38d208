package dev.nightshift.engine.runtime.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.InvalidEventException;
import dev.nightshift.platform.database.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import java.util.regex.Pattern;

/** The engine's {@link Events}: checks name and payload, then writes one row to the outbox. */
@ApplicationScoped
public class DefaultEvents implements Events {

  /** Lowercase words of letters, digits, '-' or '_', separated by dots: {@code invoice.matched}. */
  private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_-]*(\\.[a-z][a-z0-9_-]*)*");

  private static final int MAX_NAME_LENGTH = 128;

  private final EventStore store;
  private final ObjectMapper json;
  private final EventsConfig config;

  DefaultEvents(EventStore store, ObjectMapper json, EventsConfig config) {
    this.store = store;
    this.json = json;
    this.config = config;
  }

  @Override
  public UUID publish(String name, UUID teamId, Object payload) {
    return publish(name, teamId, payload, "application");
  }

  /** As {@link #publish(String, UUID, Object)}, naming who published it ({@code api}, ...). */
  public UUID publish(String name, UUID teamId, Object payload, String source) {
    checkName(name);
    var id = Ids.next();
    var row = json.createObjectNode();
    row.put("id", id.toString());
    row.put("name", name);
    row.put("team_id", teamId == null ? null : teamId.toString());
    row.set("payload", checkedPayload(payload));
    row.put("source", source);
    store.publish(json.createArrayNode().add(row).toString());
    return id;
  }

  private static void checkName(String name) {
    if (name == null || name.length() > MAX_NAME_LENGTH || !NAME.matcher(name).matches()) {
      throw new InvalidEventException(
          "'"
              + name
              + "' is not an event name: use lowercase words separated by dots, such as"
              + " invoice.matched, at most "
              + MAX_NAME_LENGTH
              + " characters.");
    }
  }

  private JsonNode checkedPayload(Object payload) {
    JsonNode tree;
    try {
      tree = payload == null ? json.createObjectNode() : json.valueToTree(payload);
    } catch (IllegalArgumentException e) {
      throw new InvalidEventException("The payload cannot be written as JSON: " + e.getMessage());
    }
    if (!tree.isObject()) {
      throw new InvalidEventException("The payload must be a JSON object.");
    }
    long size = serializedSize(tree);
    long max = config.maxPayloadSize().asLongValue();
    if (size > max) {
      throw new EventTooLargeException(size, max);
    }
    return tree;
  }

  private long serializedSize(JsonNode tree) {
    try {
      return json.writeValueAsBytes(tree).length;
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
