package dev.nightshift.engine.runtime.jobs;

import dev.nightshift.engine.Schedules;
import dev.nightshift.engine.runtime.task.RegisteredTask;
import dev.nightshift.engine.runtime.task.TaskRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;

/**
 * The job manager's view: every deployed task, also one that never ran, and the schedules. Runs of
 * tasks no longer deployed are left out. Scoping is the caller's concern: {@code team} null means
 * every run and schedule.
 */
@ApplicationScoped
public class JobsService {

  private final TaskRegistry registry;
  private final JobStatusReads statusReads;
  private final JobMetricsReads metricsReads;
  private final Schedules schedules;

  /** Most schedules in one status; the schedules API pages through all of them. */
  static final int MAX_SCHEDULES = 1000;

  JobsService(
      TaskRegistry registry,
      JobStatusReads statusReads,
      JobMetricsReads metricsReads,
      Schedules schedules) {
    this.registry = registry;
    this.statusReads = statusReads;
    this.metricsReads = metricsReads;
    this.schedules = schedules;
  }

  public JobStatus status(UUID team) {
    var ids = registry.all().stream().map(RegisteredTask::id).toList();
    var tasks =
        statusReads.read(ids, team).stream()
            .map(a -> TaskStatus.of(registry.get(a.taskId()).settings().queue(), a))
            .toList();
    var inView =
        schedules.list(new Schedules.Filter(team, null, null, null, MAX_SCHEDULES)).stream()
            .map(ScheduleStatus::of)
            .toList();
    return new JobStatus(tasks, inView);
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
