package dev.nightshift.calendar.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class GoogleBackoffTest {

  private static final GoogleUnavailableException NO_HINT =
      new GoogleUnavailableException("503", null, null);

  @Test
  void googlesRetryAfterIsWaitedUpToTheBound() {
    var backoff = new GoogleBackoff(Duration.ofSeconds(30), Duration.ofSeconds(60));
    backoff.init(500);

    assertEquals(
        7_000,
        backoff.nextDelayInMillis(
            new GoogleUnavailableException("429", Duration.ofSeconds(7), null)));
    assertEquals(
        60_000,
        backoff.nextDelayInMillis(
            new GoogleUnavailableException("429", Duration.ofMinutes(10), null)));
  }

  @Test
  void withoutAHintTheWaitDoublesWithJitterUpToTheMaximum() {
    var backoff = new GoogleBackoff(Duration.ofSeconds(3), Duration.ofSeconds(60));
    backoff.init(500);

    long[] ceilings = {500, 1_000, 2_000, 3_000, 3_000};
    for (long ceiling : ceilings) {
      long delay = backoff.nextDelayInMillis(NO_HINT);
      assertTrue(
          delay >= ceiling / 2 && delay <= ceiling,
          delay + " should lie between " + ceiling / 2 + " and " + ceiling);
    }
  }
}
