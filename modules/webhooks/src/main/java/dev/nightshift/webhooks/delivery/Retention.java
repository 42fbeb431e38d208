package dev.nightshift.webhooks.delivery;

import dev.nightshift.webhooks.config.WebhooksConfig;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import org.jboss.logging.Logger;

/**
 * Deletes deliveries (and their attempts) finished longer than {@code
 * nightshift.webhooks.retention} ago, in bounded batches that skip rows another node is deleting,
 * so every node may run it.
 */
@ApplicationScoped
class Retention {

  private static final Logger LOG = Logger.getLogger(Retention.class);
  private static final int BATCH = 1_000;

  private final DeliveryStore deliveries;
  private final WebhooksConfig config;

  Retention(DeliveryStore deliveries, WebhooksConfig config) {
    this.deliveries = deliveries;
    this.config = config;
  }

  @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
  void prune() {
    var before = Instant.now().minus(config.retention());
    int deleted;
    int total = 0;
    do {
      deleted = deliveries.prune(before, BATCH);
      total += deleted;
    } while (deleted == BATCH);
    if (total > 0) {
      LOG.infof("Deleted %d webhook deliveries finished before %s", total, before);
    }
  }
}
