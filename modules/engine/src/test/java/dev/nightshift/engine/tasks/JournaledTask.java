package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.UUID;

/**
 * Two steps with a wait between, counted in {@link Probe#STEPS}: {@code fetch} returns a value no
 * second call could repeat, {@code save} has a side effect. The first attempt can fail after both.
 */
@ApplicationScoped
@TaskDefinition(id = "journaled", maxAttempts = 3, backoffBase = "20ms", backoffMax = "50ms")
public class JournaledTask implements Task<JournaledTask.Payload, String> {

  public record Payload(String key, long waitMillis, boolean failFirstAttempt) {}

  @Override
  public String run(Payload payload, TaskContext context) throws Exception {
    String fetched =
        context.step(
            "fetch",
            String.class,
            () -> {
              Probe.step(payload.key() + ":fetch");
              return "fetched-" + UUID.randomUUID();
            });
    if (payload.waitMillis() > 0) {
      context.waitFor(Duration.ofMillis(payload.waitMillis()));
    }
    context.step("save", () -> Probe.step(payload.key() + ":save"));
    if (payload.failFirstAttempt() && Probe.attempt(context.runId()) == 1) {
      throw new IllegalStateException("failed after its steps");
    }
    return fetched;
  }
}
