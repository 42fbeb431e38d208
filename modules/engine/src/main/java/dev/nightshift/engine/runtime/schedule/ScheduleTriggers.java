package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerResult;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/**
 * Runs of a schedule triggered by hand. The schedule's row is locked while its run is triggered and
 * recorded, so that the ticker, which claims with {@code SKIP LOCKED}, never records an older run
 * over it.
 */
@ApplicationScoped
class ScheduleTriggers {

  private final ScheduleStore store;
  private final Engine engine;

  ScheduleTriggers(ScheduleStore store, Engine engine) {
    this.store = store;
    this.engine = engine;
  }

  Optional<TriggerResult> triggerNow(UUID id) {
    return QuarkusTransaction.joiningExisting()
        .call(
            () -> {
              var schedule = store.lock(id);
              if (schedule.isEmpty()) {
                return Optional.empty();
              }
              var now = Instant.now();
              var options = ScheduleTicker.options(schedule.get(), now, null);
              var run = engine.trigger(schedule.get().task(), schedule.get().payload(), options);
              store.recordRun(id, run.id(), now);
              return Optional.of(run);
            });
  }
}
