package dev.nightshift.engine.runtime.event;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The events outbox and its relay; docs/configuration.md lists them with their defaults. */
@ConfigMapping(prefix = "nightshift.events")
public interface EventsConfig {

  /**
   * Publish {@code run.completed} and {@code run.failed} when runs finish, in the transaction that
   * writes the completion. docs/benchmarks.md gives the cost.
   */
  @WithDefault("true")
  boolean runLifecycle();

  /** An event whose JSON payload is larger than this is refused. */
  @WithDefault("256K")
  MemorySize maxPayloadSize();

  /** Delivered events older than this are deleted; undelivered ones are kept until delivered. */
  @WithDefault("30d")
  Duration retention();

  /** Events the relay claims per database round trip. */
  @WithDefault("100")
  int batch();

  /** Events handed over and not yet acknowledged, per node, at most. */
  @WithDefault("256")
  int maxInFlight();

  /**
   * How often an idle relay looks for due events when no notification woke it: retries after a nack
   * start at most this late.
   */
  @WithDefault("1s")
  Duration pollInterval();

  /** An event handed over and neither acked nor nacked within this is handed over again. */
  @WithDefault("60s")
  Duration ackTimeout();

  /** The wait after the first nack; it doubles with every further one, up to {@code retry-max}. */
  @WithDefault("1s")
  Duration retryBase();

  /** The longest wait between two hand-overs of a nacked event. */
  @WithDefault("10m")
  Duration retryMax();
}
