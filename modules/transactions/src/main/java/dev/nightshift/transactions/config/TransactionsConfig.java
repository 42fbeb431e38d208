package dev.nightshift.transactions.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The transactions module's settings: {@code nightshift.transactions.*}. */
@ConfigMapping(prefix = "nightshift.transactions")
public interface TransactionsConfig {

  /** How far back the first sync of a new connection reads, in days. */
  @WithDefault("90")
  int initialSyncDays();

  /**
   * How far back each hourly sync reads, in days: pending transactions that post and corrections
   * within this window are applied.
   */
  @WithDefault("30")
  int syncDays();

  /** The Unix cron of every team's sync; each team's fire time is spread over the interval. */
  @WithDefault("0 * * * *")
  String syncCron();
}
