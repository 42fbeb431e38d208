package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.config.EngineConfig;
import dev.nightshift.engine.runtime.notify.PgNotifications;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.store.RunCompletions;
import dev.nightshift.engine.runtime.store.RunLeases;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jboss.logging.Logger;

/**
 * This node's worker: started with the application when {@code nightshift.worker.enabled}, it
 * claims runs, executes each attempt on a virtual thread, renews leases and writes completions. On
 * shutdown it stops claiming, lets executing attempts finish for the grace period, and releases the
 * rest back to the queue.
 */
@ApplicationScoped
public class Worker {

  private static final Logger LOG = Logger.getLogger(Worker.class);

  private final EngineConfig.Worker config;
  private final RunLeases leases;
  private final RunCompletions completionStore;
  private final Executions factory;
  private final PgNotifications notifications;
  private final InFlight inFlight = new InFlight();
  private final WakeSignal wake = new WakeSignal();
  private ExecutorService executions;
  private ScheduledExecutorService timers;
  private Dispatcher dispatcher;
  private CompletionWriter completions;

  Worker(
      EngineConfig config,
      RunLeases leases,
      RunCompletions completionStore,
      Executions factory,
      PgNotifications notifications) {
    this.config = config.worker();
    this.leases = leases;
    this.completionStore = completionStore;
    this.factory = factory;
    this.notifications = notifications;
  }

  void start(@Observes StartupEvent event) {
    if (!config.enabled()) {
      LOG.info("Worker disabled (nightshift.worker.enabled=false): this node executes no runs");
      return;
    }
    executions = Executors.newThreadPerTaskExecutor(Thread.ofVirtual().name("run-", 0).factory());
    var scheduler =
        new ScheduledThreadPoolExecutor(
            1, Thread.ofPlatform().name("worker-timers").daemon().factory());
    // Each attempt's max-duration timer is cancelled when the attempt ends: drop it from the queue.
    scheduler.setRemoveOnCancelPolicy(true);
    timers = scheduler;
    completions =
        new CompletionWriter(
            completionStore, WorkerId.VALUE, this::written, factory::flushProgress);
    dispatcher = new Dispatcher(leases, config, WorkerId.VALUE, inFlight, wake, this::execute);
    notifications.subscribe(PgNotifications.RUNS_DUE, queue -> wake.signal(), wake::signal);
    notifications.subscribe(
        PgNotifications.RUN_CANCELED, run -> cancelLocally(UUID.fromString(run)), () -> {});
    Thread.ofPlatform().name("worker-completions").start(completions);
    Thread.ofPlatform().name("worker-dispatcher").start(dispatcher);
    long heartbeat = config.heartbeat().toMillis();
    timers.scheduleWithFixedDelay(this::renewLeases, heartbeat, heartbeat, TimeUnit.MILLISECONDS);
    timers.scheduleWithFixedDelay(factory::flushProgress, 200, 200, TimeUnit.MILLISECONDS);
    LOG.infof("Worker %s started: %d concurrent attempts", WorkerId.VALUE, config.concurrency());
  }

  /** True while the claim loop goes round; false if disabled or stuck for a minute. */
  public boolean isAlive() {
    return dispatcher != null
        && System.nanoTime() - dispatcher.lastLoopNanos() < Duration.ofMinutes(1).toNanos();
  }

  public boolean isEnabled() {
    return config.enabled();
  }

  /** Attempts this node holds right now. */
  public int executing() {
    return inFlight.size();
  }

  private void execute(ClaimedRun run) {
    var execution =
        factory.create(run, completions::submit, () -> release(run.id(), run.attempt()));
    if (execution.isEmpty()) {
      // Deployed elsewhere but not here (a rolling upgrade): give it back for another node.
      completions.submit(
          new Completion(
              run.id(),
              run.attempt(),
              RunStatus.QUEUED,
              null,
              Instant.now().plusSeconds(5),
              null,
              null));
      return;
    }
    inFlight.add(execution.get());
    execution
        .get()
        .guardedBy(
            timers.schedule(
                execution.get()::timeOut,
                execution.get().maxDuration().toMillis(),
                TimeUnit.MILLISECONDS));
    executions.execute(execution.get());
  }

  private void written(List<Completion> written) {
    written.forEach(inFlight::remove);
    wake.signal();
  }

  private void release(UUID run, int attempt) {
    inFlight.remove(run, attempt);
    wake.signal();
  }

  private void cancelLocally(UUID run) {
    var execution = inFlight.get(run);
    if (execution != null) {
      execution.cancel();
    }
  }

  private void renewLeases() {
    var held = inFlight.snapshot();
    if (held.isEmpty()) {
      return;
    }
    try {
      var stillOurs = leases.renew(WorkerId.VALUE, held.keySet(), config.lease());
      // Cancel the very attempts that lost their lease: the run may have been claimed again by
      // now, and that newer attempt is ours.
      held.forEach(
          (run, execution) -> {
            if (!stillOurs.contains(run)) {
              execution.cancel();
            }
          });
    } catch (SQLException e) {
      LOG.warnf("Could not renew the leases of %d runs: %s", held.size(), e.getMessage());
    } catch (RuntimeException e) {
      // A scheduled task that throws is never run again: keep the heartbeat alive.
      LOG.error("Unexpected error renewing leases; the heartbeat goes on", e);
    }
  }

  void stop(@Observes ShutdownEvent event) {
    if (dispatcher == null) {
      return;
    }
    dispatcher.stop();
    long deadline = System.nanoTime() + config.shutdownGrace().toNanos();
    while (inFlight.size() > 0 && System.nanoTime() < deadline) {
      sleep(50);
    }
    var unfinished = inFlight.ids();
    unfinished.forEach(this::cancelLocally);
    completions.stop();
    while (!completions.isIdle() && System.nanoTime() < deadline + 5_000_000_000L) {
      sleep(50);
    }
    if (!unfinished.isEmpty()) {
      LOG.infof("Releasing %d unfinished attempts back to the queue", unfinished.size());
      try {
        leases.release(WorkerId.VALUE, unfinished);
      } catch (SQLException e) {
        LOG.warnf(
            "Could not release %d runs; their leases expire and they are rescued: %s",
            unfinished.size(), e.getMessage());
      }
    }
    factory.flushProgress();
    timers.shutdownNow();
    executions.shutdownNow();
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
