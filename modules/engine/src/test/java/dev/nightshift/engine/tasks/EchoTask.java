package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** Returns its message in capitals; counts its attempts. */
@ApplicationScoped
@TaskDefinition(id = "echo")
public class EchoTask implements Task<EchoTask.Payload, EchoTask.Result> {

  public record Payload(@NotBlank @Size(max = 1000) String message) {}

  public record Result(String echoed, int attempt) {}

  @Override
  public Result run(Payload payload, TaskContext context) {
    Probe.attempt(context.runId());
    context.progress(1, 1, "echoed");
    return new Result(payload.message().toUpperCase(), context.attempt());
  }
}
