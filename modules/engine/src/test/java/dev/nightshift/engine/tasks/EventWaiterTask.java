package dev.nightshift.engine.tasks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.nightshift.engine.EventWait;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;

/** Waits for an event matching {@code filter}; says what it got or that it timed out. */
@ApplicationScoped
@TaskDefinition(id = "event-waiter")
public class EventWaiterTask implements Task<EventWaiterTask.Payload, String> {

  public record Payload(String event, Map<String, Object> filter, long timeoutMillis) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    var result =
        context.waitForEvent(
            payload.event(),
            payload.filter(),
            Duration.ofMillis(payload.timeoutMillis()),
            JsonNode.class);
    return switch (result) {
      case EventWait.Received<JsonNode> received -> "received " + received.payload();
      case EventWait.TimedOut<JsonNode> timedOut -> "timed out";
    };
  }
}
