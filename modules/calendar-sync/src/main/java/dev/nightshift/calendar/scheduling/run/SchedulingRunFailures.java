package dev.nightshift.calendar.scheduling.run;

import dev.nightshift.calendar.scheduling.store.SchedulingRunStore;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Ends a scheduling run whose schedule-tasks run failed for good ({@code run.failed}: attempts used
 * up, a non-retryable error, a worker lost on the last attempt, a time-out): it becomes FAILED with
 * the run's error, and the calendar keeps what it had.
 */
@ApplicationScoped
class SchedulingRunFailures {

  static final String CHANNEL = "calendar-scheduling-events";

  private final SchedulingRunStore runs;

  SchedulingRunFailures(SchedulingRunStore runs) {
    this.runs = runs;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = false)
  void on(Event event) {
    var payload = event.payload();
    if (!Events.RUN_FAILED.equals(event.name())
        || !ScheduleTasksTask.ID.equals(payload.path("task").asText())) {
      return;
    }
    var runId = UUID.fromString(payload.path("runId").asText());
    runs.findByRun(runId)
        .ifPresent(
            run ->
                runs.failed(
                    run.id(),
                    payload
                        .path("error")
                        .path("message")
                        .asText("The schedule-tasks run failed.")));
  }
}
