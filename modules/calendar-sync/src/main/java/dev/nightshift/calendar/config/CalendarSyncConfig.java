package dev.nightshift.calendar.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** How calendars are kept in sync: {@code nightshift.calendar.sync.*}. */
@ConfigMapping(prefix = "nightshift.calendar.sync")
public interface CalendarSyncConfig {

  /** How far back of now a full sync lists events (and an ICS snapshot may delete them). */
  @WithDefault("90d")
  Duration windowPast();

  /** How far ahead of now a full sync lists events. */
  @WithDefault("180d")
  Duration windowFuture();

  /**
   * Events written or deleted per SQL statement. One page of Google's (up to 2500 events) is
   * written in one transaction, in statements of this many rows.
   */
  @WithDefault("500")
  int batchSize();

  /**
   * When {@code calendar-batch-sync} runs an incremental sync of every workspace (Quartz cron,
   * UTC). Every node ticks; the engine makes one run per fire time.
   */
  @WithDefault("0 0/15 * * * ?")
  String cron();

  /**
   * An OAuth access token that expires within this is refreshed before the next provider call, so
   * no call starts with a token about to die.
   */
  @WithDefault("5m")
  Duration tokenRefreshLead();

  /**
   * The key of the HMAC that makes a Google push channel's token ({@code X-Goog-Channel-Token}): at
   * least 32 characters, from the environment. Without it, {@code /webhooks/google-calendar}
   * answers 503.
   */
  Optional<String> pushSecret();
}
