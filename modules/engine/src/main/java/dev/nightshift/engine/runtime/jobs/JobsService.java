package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.engine.runtime.task.RegisteredTask;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The job manager's view: every deployed task, also one that never ran. Runs of tasks no longer
 * deployed are left out. Scoping is the caller's concern: {@code team} null means every run.
 */
@ApplicationScoped
public class JobsService {

  private final TaskRegistry registry;
  private final JobStatusReads statusReads;
  private final JobMetricsReads metricsReads;

  JobsService(TaskRegistry registry, JobStatusReads statusReads, JobMetricsReads metricsReads) {
    this.registry = registry;
    this.statusReads = statusReads;
    this.metricsReads = metricsReads;
  }

  public JobStatus status(UUID team) {
    var ids = registry.all().stream().map(RegisteredTask::id).toList();
    var tasks =
        statusReads.read(ids, team).stream()
            .map(a -> TaskStatus.of(registry.get(a.taskId()).settings().queue(), a))
            .toList();
    return new JobStatus(tasks);
  }

  public JobMetrics metrics(MetricsWindow window, UUID team) {
    var ids = registry.all().stream().map(RegisteredTask::id).toList();
    var result = metricsReads.read(ids, window, team);
    var tasks =
        ids.stream()
            .map(id -> TaskMetrics.of(id, result.tasks().getOrDefault(id, RunTotals.NONE)))
            .toList();
    return new JobMetrics(window.text(), result.from(), result.to(), result.totals(), tasks);
  }
}
