package dev.nightshift.engine.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.journal.JournalStore;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import dev.nightshift.engine.runtime.telemetry.RunMetrics;
import dev.nightshift.engine.runtime.telemetry.RunTracing;
import dev.nightshift.engine.runtime.trigger.DefaultEngine;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the {@link Execution} of a claimed run from its task. */
@ApplicationScoped
class Executions {

  private final TaskRegistry tasks;
  private final ExecutionTools tools;

  Executions(
      TaskRegistry tasks,
      ProgressReporter reporter,
      ObjectMapper json,
      JournalStore journal,
      DefaultEngine engine,
      RunTracing tracing,
      RunMetrics metrics) {
    this.tasks = tasks;
    this.tools = new ExecutionTools(reporter, json, journal, engine, tracing, metrics);
  }

  /** Empty when this node does not deploy the run's task. */
  Optional<Execution> create(ClaimedRun run, Consumer<Completion> completions, Runnable released) {
    return tasks
        .find(run.taskId())
        .map(task -> new Execution(run, task, tools, completions, released));
  }

  void flushProgress() {
    tools.reporter().flush();
  }
}
