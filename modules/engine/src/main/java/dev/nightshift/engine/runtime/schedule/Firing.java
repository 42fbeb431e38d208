package dev.nightshift.engine.runtime.schedule;

import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.OverlapPolicy;
import java.time.Duration;
import java.time.Instant;

/**
 * What a due schedule does now: which fire time, if any, becomes a run, and when it is due next.
 *
 * @param fireTime the fire time to trigger a run for; null for none
 * @param next the schedule's next fire time, after now; null if its cron never fires again
 */
record Firing(Instant fireTime, Instant next) {

  /**
   * @param due the schedule's stored next fire time, at or before {@code now}
   * @param previousRunning the schedule's last run has not finished
   */
  static Firing decide(
      FireTimes times,
      Instant due,
      Instant now,
      CatchUpPolicy catchUp,
      OverlapPolicy overlap,
      boolean previousRunning,
      Duration misfireThreshold) {
    var latest = times.latest(due, now);
    var next = times.next(now);
    boolean missed = Duration.between(latest, now).compareTo(misfireThreshold) > 0;
    if (catchUp == CatchUpPolicy.SKIP && missed) {
      return new Firing(null, next);
    }
    if (overlap == OverlapPolicy.SKIP && previousRunning) {
      return new Firing(null, next);
    }
    return new Firing(latest, next);
  }
}
