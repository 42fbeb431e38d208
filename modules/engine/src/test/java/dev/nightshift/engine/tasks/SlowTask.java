package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Sleeps {@code millis} while counted in its {@code group}, in a queue of limit 1 per concurrency
 * key; ends early when canceled, and records that it noticed.
 */
@ApplicationScoped
@TaskDefinition(id = "slow", concurrencyLimit = 1, maxDuration = "2s", maxAttempts = 1)
public class SlowTask implements Task<SlowTask.Payload, String> {

  public record Payload(long millis, String group) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    Probe.enter(payload.group());
    try {
      Thread.sleep(payload.millis());
      return "slept";
    } catch (InterruptedException e) {
      if (context.isCancelled()) {
        Probe.SAW_CANCEL.put(context.runId(), true);
      }
      Thread.currentThread().interrupt();
      return "interrupted";
    } finally {
      Probe.leave(payload.group());
    }
  }
}
