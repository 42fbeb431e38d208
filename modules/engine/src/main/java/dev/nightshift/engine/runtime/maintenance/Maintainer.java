package dev.nightshift.engine.runtime.maintenance;

import dev.nightshift.engine.runtime.config.EngineConfig;
import dev.nightshift.engine.runtime.event.EventStore;
import dev.nightshift.engine.runtime.event.EventsConfig;
import dev.nightshift.engine.runtime.store.QueueStore;
import dev.nightshift.engine.runtime.store.RunMaintenance;
import dev.nightshift.engine.runtime.telemetry.RunMetrics;
import dev.nightshift.engine.runtime.worker.WorkerId;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every node, at {@code nightshift.runs.maintenance-interval}: returns runs of lost workers to the
 * queue, expires runs whose TTL passed, and deletes finished runs and delivered events past
 * retention, each in bounded batches until nothing is left; and, on a slower schedule, refreshes
 * the queue gauges. Safe on many nodes at once.
 */
@ApplicationScoped
class Maintainer {

  private static final Logger LOG = Logger.getLogger(Maintainer.class);

  private final RunMaintenance store;
  private final QueueStore queues;
  private final RunMetrics metrics;
  private final EngineConfig.Runs config;
  private final Duration lease;
  private final EventStore events;
  private final Duration eventRetention;
  private ScheduledExecutorService timer;
  // Rescue waits a lease after this: the start, or the last time the database failed.
  private volatile Instant reachableSince = Instant.now();

  Maintainer(
      RunMaintenance store,
      QueueStore queues,
      RunMetrics metrics,
      EngineConfig config,
      EventStore events,
      EventsConfig eventsConfig) {
    this.store = store;
    this.queues = queues;
    this.metrics = metrics;
    this.config = config.runs();
    this.lease = config.worker().lease();
    this.events = events;
    this.eventRetention = eventsConfig.retention();
  }

  void start(@Observes StartupEvent event) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("engine-maintenance").daemon().factory());
    long every = config.maintenanceInterval().toMillis();
    timer.scheduleWithFixedDelay(this::maintain, every, every, TimeUnit.MILLISECONDS);
    long gauges = config.queueGaugeInterval().toMillis();
    timer.scheduleWithFixedDelay(this::refreshQueueGauges, gauges, gauges, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  /** Counting a large backlog costs, so gauges refresh on their own, slower schedule. */
  private void refreshQueueGauges() {
    try {
      queues.list().forEach(q -> metrics.queue(q.name(), q.queued(), q.executing()));
    } catch (RuntimeException e) {
      LOG.debugf("Queue gauges not refreshed: %s", e.getMessage());
    }
  }

  private void maintain() {
    int batch = config.maintenanceBatch();
    try {
      int rescued = 0;
      // After an outage every lease looks expired: give live nodes one lease to renew theirs.
      if (Instant.now().isAfter(reachableSince.plus(lease))) {
        for (int n; (n = store.rescueLostRuns(batch, WorkerId.VALUE)) > 0; ) {
          rescued += n;
        }
      }
      if (rescued > 0) {
        LOG.warnf("Returned %d runs of lost workers to the queue", rescued);
      }
      while (store.expireRuns(batch) == batch) {
        // Keep going until a batch comes back short.
      }
      while (store.pruneFinishedRuns(config.retention(), batch) == batch) {
        // Keep going until a batch comes back short.
      }
      while (events.pruneDelivered(eventRetention, batch) == batch) {
        // Keep going until a batch comes back short.
      }
    } catch (SQLException e) {
      reachableSince = Instant.now();
      LOG.warnf("Maintenance skipped, the database is unreachable: %s", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Maintenance failed; it runs again at the next interval", e);
    }
  }
}
