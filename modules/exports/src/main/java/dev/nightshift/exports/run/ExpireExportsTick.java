package dev.nightshift.exports.run;

import dev.nightshift.engine.Ticks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * The daily {@code exports-expire} run, on {@code nightshift.exports.expire-cron}. Every node
 * ticks; the engine makes one run per fire time.
 */
@ApplicationScoped
class ExpireExportsTick {

  private final Ticks ticks;

  ExpireExportsTick(Ticks ticks) {
    this.ticks = ticks;
  }

  @Scheduled(
      cron = "${nightshift.exports.expire-cron:0 15 4 * * ?}",
      identity = ExpireExportsTask.ID,
      timeZone = "UTC")
  void tick(ScheduledExecution execution) {
    ticks.tick(execution, ExpireExportsTask.ID, new ExpireExportsTask.Payload());
  }
}
