package dev.nightshift.engine.runtime.config;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

/** The engine's settings; docs/configuration.md lists them with their defaults. */
@ConfigMapping(prefix = "nightshift")
public interface EngineConfig {

  /** How this node executes runs. */
  Worker worker();

  /** Limits and housekeeping of runs. */
  Runs runs();

  /** Per-task overrides of {@code @TaskDefinition}, keyed by task id. */
  Map<String, TaskOverride> tasks();

  interface Worker {

    /** Execute runs on this node. With false it still triggers, serves the API and maintains. */
    @WithDefault("true")
    boolean enabled();

    /** Attempts this node runs at once, each on a virtual thread. */
    @WithDefault("64")
    int concurrency();

    /** Runs claimed per database round trip. */
    @WithDefault("128")
    int claimBatch();

    /**
     * How often an idle worker looks for due runs when no notification woke it: delayed runs and
     * retries start at most this late.
     */
    @WithDefault("1s")
    Duration pollInterval();

    /** A claimed run belongs to this node for this long unless renewed by a heartbeat. */
    @WithDefault("30s")
    Duration lease();

    /** How often the node renews the leases of its executing runs. */
    @WithDefault("10s")
    Duration heartbeat();

    /** On shutdown, how long executing attempts may take to finish before they are released. */
    @WithDefault("20s")
    Duration shutdownGrace();
  }

  interface Runs {

    /** A trigger whose JSON payload is larger than this is refused. */
    @WithDefault("512K")
    MemorySize maxPayloadSize();

    /** How long an idempotency key holds when the trigger does not say. */
    @WithDefault("30d")
    Duration idempotencyKeyTtl();

    /** Finished runs older than this are deleted. */
    @WithDefault("30d")
    Duration retention();

    /** How often a node rescues runs of lost workers, expires and prunes runs. */
    @WithDefault("5s")
    Duration maintenanceInterval();

    /** Rows one maintenance statement touches at most, to keep transactions short. */
    @WithDefault("1000")
    int maintenanceBatch();

    /**
     * How often a node counts queued and executing runs per queue for the queue gauges; counting
     * costs in proportion to the backlog.
     */
    @WithDefault("30s")
    Duration queueGaugeInterval();
  }

  /** Overrides of a task's {@code @TaskDefinition} attributes. */
  interface TaskOverride {
    Optional<String> queue();

    OptionalInt concurrencyLimit();

    OptionalInt queueLimit();

    OptionalInt maxAttempts();

    Optional<Duration> backoffBase();

    OptionalDouble backoffFactor();

    Optional<Duration> backoffMax();

    OptionalDouble backoffJitter();

    Optional<Duration> maxDuration();

    OptionalInt priority();
  }
}
