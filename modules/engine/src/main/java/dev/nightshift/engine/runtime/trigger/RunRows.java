package dev.nightshift.engine.runtime.trigger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.engine.InvalidPayloadException;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.runtime.config.EngineConfig;
import dev.nightshift.engine.runtime.task.RegisteredTask;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import dev.nightshift.engine.runtime.telemetry.RunTracing;
import dev.nightshift.platform.database.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.Validator;
import java.time.Instant;
import java.util.stream.Collectors;

/**
 * Builds the row of a new run in the shape {@code engine.trigger_runs} reads: a payload checked
 * against the task's payload type, the options resolved against the task's settings, and the
 * caller's trace context.
 */
@ApplicationScoped
public class RunRows {

  private final ObjectMapper json;
  private final Validator validator;
  private final EngineConfig config;
  private final RunTracing tracing;
  private final TaskRegistry tasks;

  RunRows(
      ObjectMapper json,
      Validator validator,
      EngineConfig config,
      RunTracing tracing,
      TaskRegistry tasks) {
    this.tasks = tasks;
    this.json = json;
    this.validator = validator;
    this.config = config;
    this.tracing = tracing;
  }

  ObjectNode row(RegisteredTask task, Object payload, TriggerOptions options) {
    var settings = task.settings();
    var now = Instant.now();
    var row = json.createObjectNode();
    row.put("id", Ids.next().toString());
    row.put("task_id", task.id());
    row.put("queue", queue(task, options));
    row.put("team_id", options.teamId() == null ? null : options.teamId().toString());
    row.set("payload", validated(task, payload));
    row.put("max_attempts", settings.maxAttempts());
    row.put("priority", options.priority() != null ? options.priority() : settings.priority());
    row.put("run_at", options.runAt() == null ? null : options.runAt().toString());
    row.put("expires_at", options.ttl() == null ? null : now.plus(options.ttl()).toString());
    row.put("concurrency_key", options.concurrencyKey());
    if (options.idempotencyKey() != null) {
      var keyTtl =
          options.idempotencyKeyTtl() != null
              ? options.idempotencyKeyTtl()
              : config.runs().idempotencyKeyTtl();
      row.put("idempotency_key", options.idempotencyKey());
      row.put("idempotency_expires_at", now.plus(keyTtl).toString());
    }
    row.set("tags", json.valueToTree(options.tags()));
    row.set("metadata", json.valueToTree(options.metadata()));
    row.put("trace_parent", tracing.currentTraceParent());
    return row;
  }

  private String queue(RegisteredTask task, TriggerOptions options) {
    if (options.queue() == null) {
      return task.settings().queue();
    }
    if (!tasks.queues().contains(options.queue())) {
      throw new UnknownQueueException(options.queue());
    }
    return options.queue();
  }

  /** The payload as the task will read it; refused if it does not fit or is too large. */
  public JsonNode validated(RegisteredTask task, Object payload) {
    Object typed;
    try {
      typed = json.convertValue(payload, task.payloadType());
    } catch (IllegalArgumentException e) {
      throw new InvalidPayloadException(
          "The payload does not fit task '" + task.id() + "': " + rootMessage(e), e);
    }
    if (typed == null) {
      throw new InvalidPayloadException("Task '" + task.id() + "' needs a payload.", null);
    }
    var violations = validator.validate(typed);
    if (!violations.isEmpty()) {
      throw new InvalidPayloadException(
          "The payload is invalid: "
              + violations.stream()
                  .map(v -> v.getPropertyPath() + " " + v.getMessage())
                  .sorted()
                  .collect(Collectors.joining("; ")),
          null);
    }
    JsonNode tree = json.valueToTree(typed);
    long size = serializedSize(tree);
    long max = config.runs().maxPayloadSize().asLongValue();
    if (size > max) {
      throw new PayloadTooLargeException(size, max);
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

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null) {
      root = root.getCause();
    }
    String message = root.getMessage();
    int details = message == null ? -1 : message.indexOf(" at [Source");
    return details < 0 ? String.valueOf(message) : message.substring(0, details);
  }
}
