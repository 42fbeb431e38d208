package dev.nightshift.engine.runtime.schedule;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How this node fires schedules; docs/configuration.md lists the settings. */
@ConfigMapping(prefix = "nightshift.scheduler")
public interface SchedulerConfig {

  /**
   * Fire dynamic schedules and system ticks on this node. With false it still serves and changes
   * schedules; other nodes fire them.
   */
  @WithDefault("true")
  boolean enabled();

  /** How often the node looks for due schedules: a schedule fires up to this late. */
  @WithDefault("1s")
  Duration pollInterval();

  /** Due schedules claimed per transaction. */
  @WithDefault("500")
  int claimBatch();

  /**
   * The widest spread window of a schedule that names none. Schedules with an external id fire up
   * to this much (never more than the gap between their fire times) after their cron or interval
   * time.
   */
  @WithDefault("1h")
  Duration maxSpread();

  /**
   * A fire time later than this counts as missed: with catch-up {@code skip} it makes no run. Keep
   * it well above {@code poll-interval}.
   */
  @WithDefault("1m")
  Duration misfireThreshold();
}
