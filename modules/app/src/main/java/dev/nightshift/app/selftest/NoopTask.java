package dev.nightshift.app.selftest;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Does nothing and returns its payload's value: what a run costs the engine alone, for throughput
 * and latency benchmarks.
 */
@ApplicationScoped
@TaskDefinition(id = "selftest-noop")
public class NoopTask implements Task<NoopTask.Payload, Integer> {

  /**
   * @param value optional; returned as the run's output, so a benchmark can tell batches apart
   */
  public record Payload(Integer value) {}

  @Override
  public Integer run(Payload payload, TaskContext context) {
    return payload.value();
  }
}
