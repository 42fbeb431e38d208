package dev.nightshift.engine.runtime.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.both;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class SpreadTest {

  private static final Instant NOW = Instant.parse("2026-11-23T10:00:00Z");
  private static final Cadence HOURLY = Cadence.of("0 * * * *", null, "UTC");

  @Test
  void tenThousandHourlyTeamSchedulesSpreadEvenlyOverTheHour() {
    var window = Spread.window(HOURLY, Duration.ofHours(1), NOW);
    assertThat(window, equalTo(Duration.ofHours(1)));
    var perMinute = new int[60];
    for (int i = 0; i < 10_000; i++) {
      var team = new UUID(0x0190_0000_0000_7000L + i, 0x8000_0000_0000_0000L + 31L * i).toString();
      var offset = Spread.offset(team, window);
      assertThat(
          offset, both(greaterThanOrEqualTo(Duration.ZERO)).and(lessThan(Duration.ofHours(1))));
      perMinute[(int) offset.toMinutes()]++;
    }
    // 166.7 expected per minute, standard deviation 12.8: every minute within five of them.
    for (int minute = 0; minute < 60; minute++) {
      assertThat(
          "schedules at minute " + minute,
          perMinute[minute],
          both(greaterThanOrEqualTo(103)).and(lessThanOrEqualTo(231)));
    }
  }

  @Test
  void theOffsetIsTheSameEverywhereAndAlways() {
    // Pinned: a change of the hash would move every stored team schedule's next computation.
    assertThat(
        Spread.offset("team-42", HOURLY, Duration.ofHours(1), NOW),
        equalTo(Duration.ofSeconds(32 * 60 + 21)));
    assertThat(
        Spread.offset("team-42", HOURLY, Duration.ofHours(1), NOW.plus(Duration.ofDays(300))),
        equalTo(Spread.offset("team-42", HOURLY, Duration.ofHours(1), NOW)));
  }

  @Test
  void theWindowNeverExceedsTheGapBetweenFireTimes() {
    var fiveMinutes = Cadence.of("*/5 * * * *", null, "UTC");
    assertThat(
        Spread.window(fiveMinutes, Duration.ofHours(1), NOW), equalTo(Duration.ofMinutes(5)));
    var twiceADay = Cadence.of("0 9,10 * * *", null, "UTC");
    assertThat(Spread.window(twiceADay, Duration.ofHours(3), NOW), equalTo(Duration.ofHours(1)));
    var everySecond = Cadence.of(null, Duration.ofSeconds(1), "UTC");
    assertThat(
        Spread.offset("team-42", everySecond, Duration.ofHours(1), NOW), equalTo(Duration.ZERO));
    var window = Spread.window(fiveMinutes, Duration.ofHours(1), NOW);
    for (int i = 0; i < 1000; i++) {
      assertThat(Spread.offset("team-" + i, window), lessThan(Duration.ofMinutes(5)));
    }
  }

  @Test
  void noExternalIdOrAZeroWindowMeansNoSpread() {
    assertThat(Spread.offset(null, HOURLY, Duration.ofHours(1), NOW), equalTo(Duration.ZERO));
    assertThat(Spread.offset("team-42", HOURLY, Duration.ZERO, NOW), equalTo(Duration.ZERO));
    assertThat(
        Spread.offset("team-42", HOURLY, Duration.ofMinutes(10), NOW),
        lessThan(Duration.ofMinutes(10)));
  }
}
