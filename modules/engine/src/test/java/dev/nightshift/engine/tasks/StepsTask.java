package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/** Reports progress through {@code steps} steps of {@code stepMillis} each, then finishes. */
@ApplicationScoped
@TaskDefinition(id = "steps")
public class StepsTask implements Task<StepsTask.Payload, Integer> {

  public record Payload(int steps, long stepMillis) {}

  @Override
  public Integer run(Payload payload, TaskContext context) throws InterruptedException {
    for (int i = 1; i <= payload.steps(); i++) {
      Thread.sleep(payload.stepMillis());
      context.progress(i, payload.steps(), "step " + i + " of " + payload.steps());
      context.metadata(Map.of("lastStep", i));
    }
    return payload.steps();
  }
}
