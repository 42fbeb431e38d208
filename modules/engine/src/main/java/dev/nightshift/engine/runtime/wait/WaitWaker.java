package dev.nightshift.engine.runtime.wait;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * Every node, at {@code nightshift.waits.poll-interval}: resumes the runs whose wait time came or
 * timed out, and those whose children all finished at once (each child's completion saw the others
 * still running). Safe on many nodes at once.
 */
@ApplicationScoped
class WaitWaker {

  private static final Logger LOG = Logger.getLogger(WaitWaker.class);

  private final WaitStore store;
  private final WaitConfig config;
  private ScheduledExecutorService timer;

  WaitWaker(WaitStore store, WaitConfig config) {
    this.store = store;
    this.config = config;
  }

  void start(@Observes StartupEvent event) {
    timer =
        Executors.newSingleThreadScheduledExecutor(
            Thread.ofPlatform().name("engine-waits").daemon().factory());
    long every = config.pollInterval().toMillis();
    timer.scheduleWithFixedDelay(this::wake, every, every, TimeUnit.MILLISECONDS);
  }

  void stop(@Observes ShutdownEvent event) {
    if (timer != null) {
      timer.shutdownNow();
    }
  }

  private void wake() {
    try {
      while (store.wake(config.batch()) == config.batch()) {
        // Keep going until a batch comes back short.
      }
    } catch (SQLException e) {
      LOG.warnf("Waits not checked, the database is unreachable: %s", e.getMessage());
    } catch (RuntimeException e) {
      LOG.error("Checking waits failed; it runs again at the next interval", e);
    }
  }
}
