package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Ticks;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import io.quarkus.scheduler.ScheduledExecution;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;

/** The engine's {@link Ticks}: one idempotent trigger per fire time. */
@ApplicationScoped
public class DefaultTicks implements Ticks {

  private final Engine engine;
  private final SchedulerConfig config;

  DefaultTicks(Engine engine, SchedulerConfig config) {
    this.engine = engine;
    this.config = config;
  }

  @Override
  public Optional<TriggerResult> tick(ScheduledExecution execution, String taskId, Object payload) {
    return trigger(
        taskId, payload, execution.getScheduledFireTime().truncatedTo(ChronoUnit.SECONDS));
  }

  @Override
  public Optional<TriggerResult> tick(
      ScheduledExecution execution, String taskId, Object payload, Duration every) {
    if (!every.isPositive()) {
      throw new IllegalArgumentException("The period of a tick must be positive: " + every);
    }
    long period = every.toMillis();
    long fired = execution.getScheduledFireTime().toEpochMilli();
    return trigger(taskId, payload, Instant.ofEpochMilli(Math.floorDiv(fired, period) * period));
  }

  private Optional<TriggerResult> trigger(String taskId, Object payload, Instant fireTime) {
    if (!config.enabled()) {
      return Optional.empty();
    }
    var key = "tick:" + taskId + ":" + fireTime;
    var options =
        TriggerOptions.defaults()
            .withIdempotencyKey(key, null)
            .withMetadata(Map.of("fireTime", fireTime.toString()));
    return Optional.of(engine.trigger(taskId, payload, options));
  }
}
