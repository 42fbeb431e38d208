package dev.nightshift.engine.runtime.worker;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.function.Consumer;

/** Builds the {@link Execution} of a claimed run from its task. */
@ApplicationScoped
class Executions {

  private final TaskRegistry tasks;
  private final ProgressReporter progress;
  private final ObjectMapper json;

  Executions(TaskRegistry tasks, ProgressReporter progress, ObjectMapper json) {
    this.tasks = tasks;
    this.progress = progress;
    this.json = json;
  }

  /** Empty when this node does not deploy the run's task. */
  Optional<Execution> create(ClaimedRun run, Consumer<Completion> completions, Runnable released) {
    return tasks
        .find(run.taskId())
        .map(task -> new Execution(run, task, progress, json, completions, released));
  }

  void flushProgress() {
    progress.flush();
  }
}
