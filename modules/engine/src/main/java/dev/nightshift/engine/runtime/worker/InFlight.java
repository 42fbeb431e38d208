package dev.nightshift.engine.runtime.worker;

import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/** The attempts this node holds a lease for, from claim until their completion is written. */
final class InFlight {

  private final ConcurrentHashMap<UUID, Execution> executions = new ConcurrentHashMap<>();

  void add(Execution execution) {
    executions.put(execution.claimed().id(), execution);
  }

  void remove(UUID run) {
    executions.remove(run);
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
}
