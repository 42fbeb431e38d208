package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import java.time.Duration;
import java.util.UUID;

/** Waits on the database for a run to reach a state: a condition, never a fixed sleep. */
final class RunAwait {

  private RunAwait() {}

  static RunView until(RunReads reads, UUID run, RunStatus status) {
    return await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> reads.find(run).orElseThrow(), view -> view.status() == status);
  }
}
