package dev.nightshift.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The webhooks module's settings: {@code nightshift.webhooks.*}. The target addresses a delivery
 * may reach are the platform's {@code nightshift.outbound.*}.
 */
@ConfigMapping(prefix = "nightshift.webhooks")
public interface WebhooksConfig {

  /**
   * Deliveries in a row that fail for good (every retry used) before the subscription is turned off
   * and {@code webhook.disabled} is published.
   */
  @WithDefault("5")
  int disableAfterFailures();

  /** How much of each answer's body an attempt keeps, in bytes. */
  @WithDefault("4096")
  int responseBodyLimit();

  /** How long the previous secret keeps signing after a rotation, unless the request says. */
  @WithDefault("24h")
  Duration rotationOverlap();

  /** Finished deliveries and their attempts are deleted this long after they finished. */
  @WithDefault("30d")
  Duration retention();

  /**
   * Deliveries one {@code webhook-deliver} run makes before it hands the subscription to a new run,
   * so that busy subscriptions take turns under the queue's limit.
   */
  @WithDefault("500")
  int drainBatch();

  Retry retry();

  /** A delivery's attempts: about 27 hours of them by default. */
  interface Retry {

    /** Attempts of one delivery (in one round: redelivery starts another). */
    @WithDefault("11")
    int maxAttempts();

    /** The wait before the second attempt. */
    @WithDefault("30s")
    Duration initialInterval();

    /** Each further wait is this many times longer. */
    @WithDefault("3")
    double multiplier();

    /** No computed wait is longer than this; a receiver's Retry-After is honoured up to 6 h. */
    @WithDefault("6h")
    Duration maxInterval();

    /** Each wait moves at random by up to this fraction either way. */
    @WithDefault("0.3")
    double jitter();
  }
}
