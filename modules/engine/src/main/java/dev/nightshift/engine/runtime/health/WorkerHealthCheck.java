package dev.nightshift.engine.runtime.health;

import dev.nightshift.engine.runtime.worker.Worker;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of this node's claim loop: DOWN when the worker is enabled but its loop has not gone
 * round for a minute, so an orchestrator restarts the node. A node with the worker disabled is UP.
 */
@Liveness
@ApplicationScoped
class WorkerHealthCheck implements HealthCheck {

  private final Worker worker;

  WorkerHealthCheck(Worker worker) {
    this.worker = worker;
  }

  @Override
  public HealthCheckResponse call() {
    var response =
        HealthCheckResponse.named("nightshift-worker")
            .withData("enabled", worker.isEnabled())
            .withData("executing", worker.executing());
    return (!worker.isEnabled() || worker.isAlive())
        ? response.up().build()
        : response.down().build();
  }
}
