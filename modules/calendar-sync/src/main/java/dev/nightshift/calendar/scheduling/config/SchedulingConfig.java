package dev.nightshift.calendar.scheduling.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of schedule-tasks, under {@code nightshift.calendar.scheduling.}. */
@ConfigMapping(prefix = "nightshift.calendar.scheduling")
public interface SchedulingConfig {

  /** The window's length in days when a request names none. */
  @WithDefault("30")
  int defaultWindowDays();

  /** The longest window a request may ask for, in days. */
  @WithDefault("90")
  int maxWindowDays();

  /** The most tasks one request may hold. */
  @WithDefault("1000")
  int maxTasks();
}
