package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;

/** Breaks the rules: catches everything around a wait, and returns as if it had not waited. */
@ApplicationScoped
@TaskDefinition(id = "stubborn")
public class StubbornTask implements Task<StubbornTask.Payload, String> {

  public record Payload(long millis) {}

  @Override
  public String run(Payload payload, TaskContext context) {
    try {
      context.waitFor(Duration.ofMillis(payload.millis()));
      return "waited";
    } catch (Throwable swallowed) {
      return "swallowed";
    }
  }
}
