package dev.nightshift.webhooks.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * The webhooks module's settings: {@code nightshift.webhooks.*}. Retries are the delivery task's
 * engine settings, {@code nightshift.tasks.webhook-deliver.*}; the target addresses a delivery may
 * reach are the platform's {@code nightshift.outbound.*}.
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
}
