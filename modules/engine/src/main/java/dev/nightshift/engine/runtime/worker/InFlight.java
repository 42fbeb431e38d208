package dev.nightshift.engine.runtime.worker;

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
