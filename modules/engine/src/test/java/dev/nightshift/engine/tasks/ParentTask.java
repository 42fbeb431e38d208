package dev.nightshift.engine.tasks;

import dev.nightshift.engine.ChildRun;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Triggers one {@code echo} child per message and waits for all; with {@code sleepMillis}, first a
 * {@code sleeper} child it waits for alone.
 */
@ApplicationScoped
@TaskDefinition(id = "parent")
public class ParentTask implements Task<ParentTask.Payload, String> {

  public record Payload(List<String> messages, long sleepMillis) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    String prefix = "";
    if (payload.sleepMillis() > 0) {
      var sleeper =
          context.triggerAndWait(
              "sleeper",
              new SleeperTask.Payload(payload.sleepMillis()),
              TriggerOptions.defaults(),
              String.class);
      prefix = sleeper.output() + ";";
    }
    var items =
        payload.messages().stream()
            .map(m -> new Engine.BatchItem(new EchoTask.Payload(m), null))
            .toList();
    List<ChildRun<EchoTask.Result>> children =
        context.batchTriggerAndWait("echo", items, EchoTask.Result.class);
    return prefix
        + children.stream()
            .map(child -> child.isCompleted() ? child.output().echoed() : child.status().name())
            .collect(Collectors.joining(","));
  }
}
