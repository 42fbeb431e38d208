package dev.nightshift.engine.tasks;

import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.RetryLaterException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/**
 * Fails its first {@code failures} attempts the way {@code mode} says, then succeeds: {@code error}
 * (retried with backoff), {@code fatal} (not retried), {@code later} (retried after {@code
 * retryAfterMillis}).
 */
@ApplicationScoped
@TaskDefinition(id = "flaky", maxAttempts = 3, backoffBase = "20ms", backoffMax = "100ms")
public class FlakyTask implements Task<FlakyTask.Payload, String> {

  public record Payload(int failures, String mode, long retryAfterMillis) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    int attempt = Probe.attempt(context.runId());
    if (attempt <= payload.failures()) {
      switch (payload.mode()) {
        case "fatal" -> throw new NonRetryableException("cannot be fixed by retrying");
        case "later" ->
            throw new RetryLaterException("busy", Duration.ofMillis(payload.retryAfterMillis()));
        default -> throw new IllegalStateException("failure " + attempt);
      }
    }
    return "ok after " + attempt;
  }
}
