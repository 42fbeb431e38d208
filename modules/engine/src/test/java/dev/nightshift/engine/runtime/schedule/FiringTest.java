package dev.nightshift.engine.runtime.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.OverlapPolicy;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class FiringTest {

  private static final FireTimes HOURLY =
      new FireTimes(Cadence.of("0 * * * *", null, "UTC"), Duration.ZERO);
  private static final Duration THRESHOLD = Duration.ofMinutes(1);

  private static Instant at(String time) {
    return Instant.parse("2026-11-23T" + time + "Z");
  }

  private static Firing decide(
      String due, String now, CatchUpPolicy catchUp, OverlapPolicy overlap, boolean running) {
    return Firing.decide(HOURLY, at(due), at(now), catchUp, overlap, running, THRESHOLD);
  }

  @Test
  void onTimeAScheduleFiresItsDueTime() {
    var firing = decide("10:00:00", "10:00:00.4", CatchUpPolicy.SKIP, OverlapPolicy.QUEUE, false);
    assertThat(firing.fireTime(), equalTo(at("10:00:00")));
    assertThat(firing.next(), equalTo(at("11:00:00")));
  }

  @Test
  void afterDowntimeCatchUpOneFiresOnceForTheLatestMissedTime() {
    var firing = decide("07:00:00", "10:20:00", CatchUpPolicy.ONE, OverlapPolicy.QUEUE, false);
    assertThat(firing.fireTime(), equalTo(at("10:00:00")));
    assertThat(firing.next(), equalTo(at("11:00:00")));
  }

  @Test
  void afterDowntimeCatchUpSkipWaitsForTheNextTime() {
    var firing = decide("07:00:00", "10:20:00", CatchUpPolicy.SKIP, OverlapPolicy.QUEUE, false);
    assertThat(firing.fireTime(), nullValue());
    assertThat(firing.next(), equalTo(at("11:00:00")));
  }

  @Test
  void catchUpSkipStillFiresATimeThatIsOnlySlightlyLate() {
    var firing = decide("07:00:00", "10:00:30", CatchUpPolicy.SKIP, OverlapPolicy.QUEUE, false);
    assertThat(firing.fireTime(), equalTo(at("10:00:00")));
  }

  @Test
  void overlapSkipDoesNotFireWhileThePreviousRunRuns() {
    var skipped = decide("10:00:00", "10:00:01", CatchUpPolicy.ONE, OverlapPolicy.SKIP, true);
    assertThat(skipped.fireTime(), nullValue());
    assertThat(skipped.next(), equalTo(at("11:00:00")));
    var queued = decide("10:00:00", "10:00:01", CatchUpPolicy.ONE, OverlapPolicy.QUEUE, true);
    assertThat(queued.fireTime(), equalTo(at("10:00:00")));
    var finished = decide("10:00:00", "10:00:01", CatchUpPolicy.ONE, OverlapPolicy.SKIP, false);
    assertThat(finished.fireTime(), equalTo(at("10:00:00")));
  }
}
