package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Waits {@code millis} durably; one at a time per concurrency key while executing. */
@ApplicationScoped
@TaskDefinition(id = "sleeper", concurrencyLimit = 1)
public class SleeperTask implements Task<SleeperTask.Payload, String> {

  public record Payload(long millis) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    context.waitFor(Duration.ofMillis(payload.millis()));
    return "woke";
  }
}
