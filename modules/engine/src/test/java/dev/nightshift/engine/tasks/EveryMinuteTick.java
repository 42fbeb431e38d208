package dev.nightshift.engine.tasks;

import dev.nightshift.engine.Ticks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A system tick declared the way modules declare theirs. Off unless a test profile sets {@code
 * test.tick-cron}, so that it triggers nothing in other tests.
 */
@ApplicationScoped
public class EveryMinuteTick {

  private final Ticks ticks;

  EveryMinuteTick(Ticks ticks) {
    this.ticks = ticks;
  }

  @Scheduled(cron = "${test.tick-cron:off}", identity = "test-tick")
  void tick(ScheduledExecution execution) {
    ticks.tick(execution, "echo", new EchoTask.Payload("scheduled method"));
  }
}
