package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.runtime.Backoff;
import dev.nightshift.engine.runtime.config.EngineConfig;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.RunLeases;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * The claim loop: while this node has free slots it leases due runs in batches and hands them to
 * executions; when none are due it waits for a notification, a freed slot or the poll interval.
 * When the database is unreachable it backs off and says so once, and again when it recovers.
 */
final class Dispatcher implements Runnable {

  private static final Logger LOG = Logger.getLogger(Dispatcher.class);
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(15);

  private final RunLeases leases;
  private final EngineConfig.Worker config;
  private final String worker;
  private final InFlight inFlight;
  private final WakeSignal wake;
  private final Consumer<ClaimedRun> start;
  private volatile boolean stopping;
  private volatile long lastLoop = System.nanoTime();

  Dispatcher(
      RunLeases leases,
      EngineConfig.Worker config,
      String worker,
      InFlight inFlight,
      WakeSignal wake,
      Consumer<ClaimedRun> start) {
    this.leases = leases;
    this.config = config;
    this.worker = worker;
    this.inFlight = inFlight;
    this.wake = wake;
    this.start = start;
  }

  void stop() {
    stopping = true;
    wake.signal();
  }

  /** When the loop last went round: a stuck loop shows in health. */
  long lastLoopNanos() {
    return lastLoop;
  }

  @Override
  public void run() {
    var backoff = new Backoff(Duration.ofMillis(200), MAX_BACKOFF);
    boolean failing = false;
    while (!stopping) {
      lastLoop = System.nanoTime();
      try {
        int free = config.concurrency() - inFlight.size();
        int wanted = Math.min(free, config.claimBatch());
        List<ClaimedRun> claimed =
            wanted > 0 ? leases.claim(worker, wanted, config.lease()) : List.of();
        if (failing) {
          LOG.info("The database answers again; claiming runs");
          failing = false;
          backoff.reset();
        }
        claimed.forEach(start);
        if (claimed.size() < wanted || wanted == 0) {
          wake.await(config.pollInterval());
        }
      } catch (SQLException e) {
        if (!failing) {
          LOG.errorf(
              "Cannot claim runs, the database is unreachable; retrying: %s", e.getMessage());
          failing = true;
        }
        backoff.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Unexpected error in the claim loop; continuing", e);
        backoff.pause();
      }
    }
  }
}
