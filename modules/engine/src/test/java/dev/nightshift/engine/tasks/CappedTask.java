package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sleeps {@code millis} while counted in its {@code group}, in a queue that runs one run per
 * concurrency key and three in all.
 */
@ApplicationScoped
@TaskDefinition(id = "capped", concurrencyLimit = 1, queueLimit = 3, maxAttempts = 1)
public class CappedTask implements Task<CappedTask.Payload, String> {

  public record Payload(long millis, String group) {}

  @Override
  public String run(Payload payload, TaskContext context) throws InterruptedException {
    Probe.enter(payload.group());
    try {
      Thread.sleep(payload.millis());
      return "slept";
    } finally {
      Probe.leave(payload.group());
    }
  }
}
