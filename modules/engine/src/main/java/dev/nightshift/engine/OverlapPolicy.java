package dev.nightshift.engine;

import com.fasterxml.jackson.annotation.JsonProperty;

/** What a schedule does when a fire time comes while its previous run has not finished. */
public enum OverlapPolicy {
  /** Do not fire; the fire time passes without a run. */
  @JsonProperty("skip")
  SKIP,
  /** Fire anyway; the new run waits its turn in the task's queue. */
  @JsonProperty("queue")
  QUEUE
}
