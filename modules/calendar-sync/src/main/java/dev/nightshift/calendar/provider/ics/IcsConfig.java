package dev.nightshift.calendar.provider.ics;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.ZoneId;

/** How ICS feeds are read: {@code nightshift.calendar.ics.*}. */
@ConfigMapping(prefix = "nightshift.calendar.ics")
public interface IcsConfig {

  /**
   * The largest feed body read. A larger feed is not read past this size and fails the sync with
   * {@link InvalidFeedException}: a year of a busy team calendar is a few hundred kilobytes.
   */
  @WithDefault("10M")
  MemorySize maxFeedSize();

  /**
   * The zone of floating times (no {@code TZID}, no {@code Z}) and of all-day dates in a feed that
   * names no zone of its own in {@code X-WR-TIMEZONE}.
   */
  @WithDefault("UTC")
  ZoneId defaultTimeZone();

  /**
   * The most events one feed may expand to within the window. A rule such as {@code FREQ=MINUTELY}
   * would otherwise become hundreds of thousands of rows; past this the sync fails with {@link
   * InvalidFeedException}.
   */
  @WithDefault("20000")
  int maxEvents();

  /** Redirects followed per fetch; each hop's address passes the outbound guard again. */
  @WithDefault("3")
  int maxRedirects();
}
