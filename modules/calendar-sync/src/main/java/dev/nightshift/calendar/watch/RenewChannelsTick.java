package dev.nightshift.calendar.watch;

import dev.nightshift.engine.Ticks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code calendar-renew-channels} on {@code nightshift.calendar.google.channel-renew-cron} (hourly
 * by default, well inside the one-day renewal lead). Every node ticks; the engine makes one run per
 * fire time.
 */
@ApplicationScoped
class RenewChannelsTick {

  private final Ticks ticks;

  RenewChannelsTick(Ticks ticks) {
    this.ticks = ticks;
  }

  @Scheduled(
      cron = "${nightshift.calendar.google.channel-renew-cron:0 20 * * * ?}",
      identity = RenewChannelsTask.ID,
      timeZone = "UTC")
  void tick(ScheduledExecution execution) {
    ticks.tick(execution, RenewChannelsTask.ID, new RenewChannelsTask.Payload());
  }
}
