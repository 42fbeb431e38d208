package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.store.RunCompletions;
import dev.nightshift.engine.runtime.store.RunLeases;
import dev.nightshift.engine.runtime.wait.WaitStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;

/**
 * Executes due runs on the calling thread, for tests that want no background worker: claim, execute
 * and complete happen before {@link #drain} returns.
 */
@ApplicationScoped
public class Drainer {

  private static final String WORKER = "test-drain";
  private static final int BATCH = 100;

  private final RunLeases leases;
  private final RunCompletions completions;
  private final Executions executions;
  private final WaitStore waits;

  Drainer(RunLeases leases, RunCompletions completions, Executions executions, WaitStore waits) {
    this.leases = leases;
    this.completions = completions;
    this.executions = executions;
    this.waits = waits;
  }

  /** Runs attempts, resuming waits that are over, until no run is due; returns the attempts. */
  public int drain() throws SQLException {
    int attempts = 0;
    while (true) {
      waits.wake(BATCH);
      var claimed = leases.claim(WORKER, BATCH, Duration.ofMinutes(10));
      if (claimed.isEmpty()) {
        return attempts;
      }
      var finished = new ArrayList<Completion>();
      for (var run : claimed) {
        var execution = executions.create(run, finished::add, () -> {});
        if (execution.isEmpty()) {
          throw new IllegalStateException(
              "No task '" + run.taskId() + "' is deployed in this test");
        }
        execution.get().run();
        attempts++;
      }
      executions.flushProgress();
      completions.write(WORKER, finished);
    }
  }
}
