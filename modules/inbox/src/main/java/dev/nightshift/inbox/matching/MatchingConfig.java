package dev.nightshift.inbox.matching;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** Matching of inbox items to transactions: {@code nightshift.inbox.matching.*}. */
@ConfigMapping(prefix = "nightshift.inbox.matching")
public interface MatchingConfig {

  /**
   * How far from the document's dates a payment is looked for, either side: from the invoice date
   * minus this to the due date (or the invoice date) plus this. Whole days; the date score falls
   * over the same span.
   */
  @WithDefault("45d")
  Duration window();

  /**
   * The confidence at which a candidate becomes a suggestion for a person to confirm or decline,
   * from 0 to 1.
   */
  @WithDefault("0.5")
  double suggestionThreshold();

  /**
   * The confidence at which the only candidate at or above {@link #suggestionThreshold()} is linked
   * without asking, from 0 to 1; above 1 nothing is linked automatically.
   */
  @WithDefault("0.9")
  double autoThreshold();

  /** Candidates read per document, nearest in date first. */
  @WithDefault("20")
  int maxCandidates();

  /**
   * Items one {@code match-inbox} run of a whole team looks at, newest first; older ones wait for
   * the next run, or age into NO_MATCH.
   */
  @WithDefault("2000")
  int maxItemsPerRun();

  /** A processed item still without a transaction this long after it arrived becomes NO_MATCH. */
  @WithDefault("90d")
  Duration noMatchAfter();

  /**
   * When the no-match ageing runs: a Quartz cron (seconds first), daily at 03:30 UTC by default.
   */
  @WithDefault("0 30 3 * * ?")
  String noMatchCron();
}
