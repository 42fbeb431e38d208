package dev.nightshift.engine.runtime.schedule;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.engine.InvalidScheduleException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Fire times of crons and intervals, on the days Berlin's clocks jump: in 2026 they spring forward
 * on 29 March (02:00 CET becomes 03:00 CEST, at 01:00Z) and fall back on 25 October (03:00 CEST
 * becomes 02:00 CET, at 01:00Z).
 */
class FireTimesTest {

  private static FireTimes berlin(String cron) {
    return new FireTimes(Cadence.of(cron, null, "Europe/Berlin"), Duration.ZERO);
  }

  /** Every fire time in [from, to). */
  private static List<Instant> between(FireTimes times, String from, String to) {
    var result = new ArrayList<Instant>();
    var end = Instant.parse(to);
    for (var t = times.next(Instant.parse(from).minusNanos(1));
        t != null && t.isBefore(end);
        t = times.next(t)) {
      result.add(t);
    }
    return result;
  }

  private static List<Duration> gaps(List<Instant> times) {
    var gaps = new ArrayList<Duration>();
    for (int i = 1; i < times.size(); i++) {
      gaps.add(Duration.between(times.get(i - 1), times.get(i)));
    }
    return gaps;
  }

  @Test
  void aDailyTimeThatSpringForwardSkipsFiresOnceAnHourLater() {
    assertThat(
        between(berlin("30 2 * * *"), "2026-03-27T00:00:00Z", "2026-03-31T00:00:00Z"),
        contains(
            Instant.parse("2026-03-27T01:30:00Z"), // 02:30 CET
            Instant.parse("2026-03-28T01:30:00Z"), // 02:30 CET
            Instant.parse("2026-03-29T01:30:00Z"), // 02:30 does not exist: 03:30 CEST
            Instant.parse("2026-03-30T00:30:00Z"))); // 02:30 CEST
  }

  @Test
  void aDailyTimeThatFallBackRepeatsFiresOnceAtItsFirstOccurrence() {
    assertThat(
        between(berlin("30 2 * * *"), "2026-10-24T00:00:00Z", "2026-10-27T00:00:00Z"),
        contains(
            Instant.parse("2026-10-24T00:30:00Z"), // 02:30 CEST
            Instant.parse("2026-10-25T00:30:00Z"), // 02:30 CEST; not again at 02:30 CET
            Instant.parse("2026-10-26T01:30:00Z"))); // 02:30 CET
  }

  @Test
  void anHourlyCronFiresEveryRealHourOnTheShortDay() {
    // The local day of 29 March: 00:00 CET (28 March 23:00Z) to 00:00 CEST (29 March 22:00Z).
    var fires = between(berlin("0 * * * *"), "2026-03-28T23:00:00Z", "2026-03-29T22:00:00Z");
    assertThat(fires, hasSize(23));
    assertThat(gaps(fires), everyItem(equalTo(Duration.ofHours(1))));
  }

  @Test
  void anHourlyCronFiresEveryRealHourOnTheLongDay() {
    // The local day of 25 October: 00:00 CEST (24 October 22:00Z) to 00:00 CET (25 October 23:00Z).
    var fires = between(berlin("0 * * * *"), "2026-10-24T22:00:00Z", "2026-10-25T23:00:00Z");
    assertThat(fires, hasSize(25));
    assertThat(gaps(fires), everyItem(equalTo(Duration.ofHours(1))));
    assertThat(
        fires.subList(2, 5),
        contains(
            Instant.parse("2026-10-25T00:00:00Z"), // 02:00 CEST
            Instant.parse("2026-10-25T01:00:00Z"), // 02:00 CET, the repeat
            Instant.parse("2026-10-25T02:00:00Z"))); // 03:00 CET
  }

  @Test
  void aQuarterHourlyCronKeepsItsRhythmThroughBothJumps() {
    for (var day : List.of("2026-03-29", "2026-10-25")) {
      var fires = between(berlin("*/15 * * * *"), day + "T00:00:00Z", day + "T04:00:00Z");
      assertThat(fires, hasSize(16));
      assertThat(gaps(fires), everyItem(equalTo(Duration.ofMinutes(15))));
    }
  }

  @Test
  void aCronAsksForTheFirstTimeStrictlyAfter() {
    var daily = new FireTimes(Cadence.of("0 9 * * 1-5", null, "UTC"), Duration.ZERO);
    // Friday 9:00 exactly: the next is Monday.
    assertThat(
        daily.next(Instant.parse("2026-11-20T09:00:00Z")),
        equalTo(Instant.parse("2026-11-23T09:00:00Z")));
  }

  @Test
  void intervalsCountFromTheEpochWhateverTheZone() {
    var every15 =
        new FireTimes(Cadence.of(null, Duration.ofMinutes(15), "Europe/Berlin"), Duration.ZERO);
    assertThat(
        every15.next(Instant.parse("2026-03-29T00:59:59Z"), 3),
        contains(
            Instant.parse("2026-03-29T01:00:00Z"),
            Instant.parse("2026-03-29T01:15:00Z"),
            Instant.parse("2026-03-29T01:30:00Z")));
  }

  @Test
  void anOffsetMovesEveryFireTime() {
    var hourly = new FireTimes(Cadence.of("0 * * * *", null, "UTC"), Duration.ofSeconds(754));
    assertThat(
        hourly.next(Instant.parse("2026-11-23T10:05:00Z"), 2),
        contains(Instant.parse("2026-11-23T10:12:34Z"), Instant.parse("2026-11-23T11:12:34Z")));
    assertThat(
        hourly.next(Instant.parse("2026-11-23T10:13:00Z")),
        equalTo(Instant.parse("2026-11-23T11:12:34Z")));
  }

  @Test
  void latestFindsTheLastFireTimeBeforeNowAlsoAfterLongDowntime() {
    var minutely = new FireTimes(Cadence.of("* * * * *", null, "UTC"), Duration.ZERO);
    var now = Instant.parse("2026-11-23T10:05:30Z");
    assertThat(
        minutely.latest(Instant.parse("2026-11-23T10:01:00Z"), now),
        equalTo(Instant.parse("2026-11-23T10:05:00Z")));
    assertThat(
        minutely.latest(Instant.parse("2025-01-01T00:00:00Z"), now),
        equalTo(Instant.parse("2026-11-23T10:05:00Z")));
    var yearly = new FireTimes(Cadence.of("0 0 1 1 *", null, "UTC"), Duration.ZERO);
    assertThat(
        yearly.latest(Instant.parse("2024-01-01T00:00:00Z"), now),
        equalTo(Instant.parse("2026-01-01T00:00:00Z")));
  }

  @Test
  void badDefinitionsAreRefusedWithTheReason() {
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("not a cron", null, "UTC"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("0 0 * * * ?", null, "UTC"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("61 * * * *", null, "UTC"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("0 0 30 2 *", null, "UTC"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("0 * * * *", null, "Mars/Base"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of("0 * * * *", null, "+02:00"));
    assertThrows(
        InvalidScheduleException.class, () -> Cadence.of(null, Duration.ofMillis(500), "UTC"));
    assertThrows(
        InvalidScheduleException.class,
        () -> Cadence.of("0 * * * *", Duration.ofMinutes(5), "UTC"));
    assertThrows(InvalidScheduleException.class, () -> Cadence.of(null, null, "UTC"));
  }

  @Test
  void rareTimesAreFoundHoweverFarAway() {
    var interval = Cadence.of(null, Duration.ofHours(1), "UTC");
    assertThat(
        interval.next(Instant.parse("2026-01-01T00:00:00Z")),
        equalTo(Instant.parse("2026-01-01T01:00:00Z")));
    var leapDay = Cadence.of("0 0 29 2 *", null, "UTC");
    assertThat(
        leapDay.next(Instant.parse("2027-01-01T00:00:00Z")),
        equalTo(Instant.parse("2028-02-29T00:00:00Z")));
  }
}
