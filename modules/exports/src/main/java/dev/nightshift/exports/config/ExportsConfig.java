package dev.nightshift.exports.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;

/** How exports behave: {@code nightshift.exports.*}. */
@ConfigMapping(prefix = "nightshift.exports")
public interface ExportsConfig {

  /** How long a download link stays valid once issued. */
  @WithDefault("7d")
  Duration linkLifetime();

  /** How long a completed archive stays in the vault; then it is deleted and its links die. */
  @WithDefault("30d")
  Duration retention();

  /**
   * Where users reach Nightshift: download links are this URL plus {@code /downloads/exports/...}.
   * Set it to the public address behind your proxy.
   */
  @WithDefault("http://localhost:8080")
  URI publicUrl();

  /**
   * Transactions read from the database per page. Larger pages cost fewer round trips: 5000 made a
   * million-row export three times faster than 2000 (docs/benchmarks.md#exports).
   */
  @WithDefault("5000")
  int pageSize();

  /** The most transaction ids one export request may list; larger selections use a filter. */
  @WithDefault("5000")
  int maxTransactionIds();

  /**
   * Deflate level (1 fastest to 9 smallest) of the CSV in the archive. Attachments, mostly PDFs and
   * images that are compressed already, are deflated at level 1 whatever this says.
   */
  @WithDefault("1")
  int compressionLevel();

  /** When {@code exports-expire} deletes old archives (Quartz cron, UTC). */
  @WithDefault("0 15 4 * * ?")
  String expireCron();
}
