package dev.nightshift.calendar.scheduling.run;

import dev.nightshift.calendar.scheduling.ScheduleRequest;
import dev.nightshift.calendar.scheduling.Scheduler;
import dev.nightshift.calendar.scheduling.TaskToSchedule;
import dev.nightshift.calendar.scheduling.store.PlacedEventStore;
import dev.nightshift.calendar.scheduling.store.RequestedTask;
import dev.nightshift.calendar.scheduling.store.SchedulingRun;
import dev.nightshift.calendar.scheduling.store.SchedulingRunStore;
import dev.nightshift.calendar.scheduling.store.SchedulingStatus;
import dev.nightshift.calendar.scheduling.store.WorkingHoursStore;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.engine.TriggerOptions;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

/**
 * Places a scheduling run's tasks into the team's free working time ({@link Scheduler}) and writes
 * them to the calendar as events, replacing the earlier placements of the same tasks, in one
 * transaction. Busy time is read when the run starts, so every attempt plans afresh from its own
 * present; a run that completed already is not placed again.
 *
 * <p>Runs wait in the queue {@code calendar-scheduling}, one at a time per team: two runs of a team
 * at once would each see the other's tasks as free time. Trigger them with {@link #options(UUID)}.
 */
@ApplicationScoped
@TaskDefinition(
    id = ScheduleTasksTask.ID,
    queue = "calendar-scheduling",
    concurrencyLimit = 1,
    maxAttempts = 3,
    maxDuration = "10m")
public class ScheduleTasksTask
    implements Task<ScheduleTasksTask.Payload, ScheduleTasksTask.Result> {

  public static final String ID = "schedule-tasks";

  public record Payload(@NotNull UUID schedulingId) {}

  /** The scheduling run's counts; its placements are at {@code /api/v1/calendar-schedules/{id}}. */
  public record Result(
      UUID schedulingId, int tasks, int placed, int afterDeadline, int unplaced, int events) {}

  private final SchedulingRunStore runs;
  private final WorkingHoursStore workingHours;
  private final PlacedEventStore events;
  private final SchedulingCompletion completion;
  private final Scheduler scheduler = new Scheduler();

  ScheduleTasksTask(
      SchedulingRunStore runs,
      WorkingHoursStore workingHours,
      PlacedEventStore events,
      SchedulingCompletion completion) {
    this.runs = runs;
    this.workingHours = workingHours;
    this.events = events;
    this.completion = completion;
  }

  /** How every run of this task is triggered: for the team, one at a time per team. */
  public static TriggerOptions options(UUID teamId) {
    return TriggerOptions.defaults().withTeam(teamId).withConcurrencyKey(teamId.toString());
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) {
    var run =
        runs.find(payload.schedulingId())
            .orElseThrow(
                () ->
                    new NonRetryableException(
                        "No scheduling run " + payload.schedulingId() + " exists."));
    if (ctx.teamId().isPresent() && !ctx.teamId().get().equals(run.teamId())) {
      throw new NonRetryableException("A run of one team cannot schedule another team's tasks.");
    }
    if (run.status() == SchedulingStatus.COMPLETED) {
      return result(run.id(), run);
    }
    var hours =
        workingHours
            .find(run.teamId())
            .orElseThrow(
                () -> new NonRetryableException("Team " + run.teamId() + " has no working hours."));
    var now = Instant.now();
    var from = run.request().from() == null ? now : run.request().from();
    var to = from.plus(Duration.ofDays(run.request().windowDays()));
    if (!runs.started(run.id(), from, to)) {
      throw new NonRetryableException("Scheduling run " + run.id() + " has finished.");
    }
    var tasks = run.request().tasks().stream().map(RequestedTask::toTask).toList();
    var taskIds = tasks.stream().map(TaskToSchedule::id).toList();
    ctx.progress(0, tasks.size(), "reading busy time");
    var busy = events.busy(run.teamId(), from, to, now, taskIds);
    ScheduleRequest request;
    try {
      request = new ScheduleRequest(tasks, hours, busy, from, to, now);
    } catch (IllegalArgumentException e) {
      throw new NonRetryableException("The scheduling request cannot be met: " + e.getMessage());
    }
    var schedule = scheduler.schedule(request);
    ctx.progress(tasks.size(), tasks.size(), "writing " + schedule.placements().size() + " events");
    completion.complete(run, hours.zone(), now, schedule);
    return result(run.id(), runs.find(run.id()).orElseThrow());
  }

  private static Result result(UUID id, SchedulingRun run) {
    var summary = run.result().summary();
    return new Result(
        id,
        summary.tasks(),
        summary.placed(),
        summary.afterDeadline(),
        summary.unplaced(),
        summary.chunks());
  }
}
