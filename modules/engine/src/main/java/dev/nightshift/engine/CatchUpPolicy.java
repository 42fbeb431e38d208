package dev.nightshift.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * What a schedule does with fire times that passed while no scheduler ran (downtime, every node
 * with {@code nightshift.scheduler.enabled=false}, a database outage).
 */
public enum CatchUpPolicy {
  /** One run, for the latest missed fire time, stands for all of them. */
  @JsonProperty("one")
  ONE,
  /**
   * Missed fire times make no run; the schedule waits for its next fire time. A fire time counts as
   * missed once it is {@code nightshift.scheduler.misfire-threshold} late.
   */
  @JsonProperty("skip")
  SKIP
}
