package dev.nightshift.inbox.matching;

import dev.nightshift.engine.Ticks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The daily {@code inbox-no-match} run, on {@code nightshift.inbox.matching.no-match-cron}. Every
 * node ticks; the engine makes one run per fire time.
 */
@ApplicationScoped
class NoMatchTick {

  private final Ticks ticks;

  NoMatchTick(Ticks ticks) {
    this.ticks = ticks;
  }

  @Scheduled(
      cron = "${nightshift.inbox.matching.no-match-cron:0 30 3 * * ?}",
      identity = NoMatchTask.ID,
      timeZone = "UTC")
  void tick(ScheduledExecution execution) {
    ticks.tick(execution, NoMatchTask.ID, new NoMatchTask.Payload());
  }
}
