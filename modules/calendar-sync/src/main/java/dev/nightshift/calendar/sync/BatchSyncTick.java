package dev.nightshift.calendar.sync;

import dev.nightshift.engine.Ticks;
import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * {@code calendar-batch-sync} on {@code nightshift.calendar.sync.cron} (every 15 minutes by
 * default). Every node ticks; the engine makes one run per fire time.
 */
@ApplicationScoped
class BatchSyncTick {

  private final Ticks ticks;

  BatchSyncTick(Ticks ticks) {
    this.ticks = ticks;
  }

  @Scheduled(
      cron = "${nightshift.calendar.sync.cron:0 0/15 * * * ?}",
      identity = BatchSyncTask.ID,
      timeZone = "UTC")
  void tick(ScheduledExecution execution) {
    ticks.tick(execution, BatchSyncTask.ID, new BatchSyncTask.Payload(SyncTrigger.SCHEDULE));
  }
}
