package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.runtime.store.Completion;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The attempts this node holds a lease for, from claim until their completion is written: one per
 * run. A node may claim its own run again after it was rescued (the node paused past its lease);
 * the newer attempt then replaces the older, which is stopped, and only an attempt's own completion
 * removes it.
 */
final class InFlight {

  private final ConcurrentHashMap<UUID, Execution> executions = new ConcurrentHashMap<>();

  void add(Execution execution) {
    var older = executions.put(execution.claimed().id(), execution);
    if (older != null) {
      older.cancel();
    }
  }

  /**
   * Forgets the attempt whose completion was written, unless another replaced it: a run resumed
   * after a wait executes again with the same attempt number, maybe before the suspension's write
   * was acknowledged here.
   */
  void remove(Completion written) {
    executions.computeIfPresent(
        written.runId(), (id, current) -> current.endedWith(written) ? null : current);
  }

  /** Forgets the attempt {@code attempt} of {@code run}, unless a newer one replaced it. */
  void remove(UUID run, int attempt) {
    executions.computeIfPresent(
        run, (id, current) -> current.claimed().attempt() == attempt ? null : current);
  }

  Execution get(UUID run) {
    return executions.get(run);
  }

  int size() {
    return executions.size();
  }

  Set<UUID> ids() {
    return Set.copyOf(executions.keySet());
  }

  /** The attempts held now, to act on exactly these even if newer ones replace them meanwhile. */
  Map<UUID, Execution> snapshot() {
    return Map.copyOf(executions);
  }
}
