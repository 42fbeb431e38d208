package dev.nightshift.webhooks.delivery;

import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import org.jboss.logging.Logger;

/**
 * A safety net: deliveries due for longer than {@link #OVERDUE} get a run again. A run is always
 * queued for due deliveries, but a run can fail for good (the database away through all its
 * attempts) and leave its subscription marked as having one. Every node may run it: a run per
 * subscription and minute, by idempotency key.
 */
@ApplicationScoped
class Sweeper {

  private static final Logger LOG = Logger.getLogger(Sweeper.class);
  static final Duration OVERDUE = Duration.ofMinutes(2);

  private final DeliveryStore deliveries;
  private final Deliveries scheduling;

  Sweeper(DeliveryStore deliveries, Deliveries scheduling) {
    this.deliveries = deliveries;
    this.scheduling = scheduling;
  }

  @Scheduled(every = "1m", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void sweep() {
    var overdue = deliveries.overdue(OVERDUE, 1_000);
    overdue.forEach((subscription, team) -> scheduling.rescue(team, subscription));
    if (!overdue.isEmpty()) {
      LOG.infof("Started webhook deliveries again for %d subscriptions", overdue.size());
    }
  }
}
