package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.lessThan;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.engine.runtime.schedule.ScheduleTicker;
import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.testkit.PostgresTestResource;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Dynamic schedules from Java, ticked by the test on a real database. */
@QuarkusTest
@TestProfile(ManualTicks.class)
@WithTestResource(PostgresTestResource.class)
class SchedulesIntegrationTest {

  @Inject Schedules schedules;
  @Inject ScheduleTicker ticker;
  @Inject EngineTestKit testKit;
  @Inject RunReads reads;
  @Inject DataSource dataSource;
  @Inject MeterRegistry registry;

  private static ScheduleDefinition hourlyEcho(String message) {
    return ScheduleDefinition.cron("echo", "0 * * * *", Map.of("message", message));
  }

  @Test
  void aScheduleShowsItsNextFiveFireTimesInItsZoneAndSpread() {
    var schedule =
        schedules.create(
            hourlyEcho("hello").withTimezone("Europe/Berlin").withExternalId("team-a"));

    assertThat(schedule.active(), is(true));
    assertThat(schedule.nextRuns(), hasSize(5));
    assertThat(schedule.nextRun(), greaterThan(Instant.now()));
    assertThat(schedule.spreadOffset(), lessThan(Duration.ofHours(1)));
    for (int i = 1; i < 5; i++) {
      assertThat(
          Duration.between(schedule.nextRuns().get(i - 1), schedule.nextRuns().get(i)),
          equalTo(Duration.ofHours(1)));
    }
    // Every fire time is the top of an hour plus the team's offset.
    var offsetSeconds = schedule.spreadOffset().toSeconds();
    assertThat(
        schedule.nextRuns().stream().map(t -> (t.getEpochSecond() - offsetSeconds) % 3600).toList(),
        everyItem(equalTo(0L)));
    assertThat(schedule.payload().get("message").asText(), equalTo("hello"));
    assertThat(
        schedules.find(schedule.id()).orElseThrow().nextRuns(), equalTo(schedule.nextRuns()));
  }

  @Test
  void ensureWithTheSameKeyUpdatesTheOneScheduleOfTheTeam() {
    var team = UUID.randomUUID();
    var key = "sync-" + team;
    var first = schedules.ensure(hourlyEcho("v1").withTeam(team).withDeduplicationKey(key));
    var again = schedules.ensure(hourlyEcho("v1").withTeam(team).withDeduplicationKey(key));
    var changed =
        schedules.ensure(
            ScheduleDefinition.cron("echo", "*/5 * * * *", Map.of("message", "v2"))
                .withTeam(team)
                .withDeduplicationKey(key));
    var otherTeam =
        schedules.ensure(hourlyEcho("v1").withTeam(UUID.randomUUID()).withDeduplicationKey(key));

    assertThat(again.id(), equalTo(first.id()));
    assertThat(again.nextRuns(), equalTo(first.nextRuns()));
    assertThat(changed.id(), equalTo(first.id()));
    assertThat(changed.payload().get("message").asText(), equalTo("v2"));
    assertThat(
        Duration.between(changed.nextRuns().get(0), changed.nextRuns().get(1)),
        equalTo(Duration.ofMinutes(5)));
    assertThat(otherTeam.id(), not(equalTo(first.id())));
    assertThat(
        schedules.list(new Schedules.Filter(team, null, null, null, 10)).stream()
            .map(Schedule::id)
            .toList(),
        contains(first.id()));
    assertThrows(InvalidScheduleException.class, () -> schedules.ensure(hourlyEcho("no key")));
  }

  @Test
  void updatePauseResumeAndDelete() {
    var team = UUID.randomUUID();
    var schedule = schedules.create(hourlyEcho("before").withTeam(team).withExternalId("x"));

    var updated =
        schedules
            .update(
                schedule.id(),
                ScheduleDefinition.every(
                    "echo", Duration.ofMinutes(10), Map.of("message", "after")))
            .orElseThrow();
    assertThat(updated.definition().teamId(), equalTo(team));
    assertThat(updated.definition().cron(), nullValue());
    assertThat(updated.definition().interval(), equalTo(Duration.ofMinutes(10)));
    assertThat(updated.definition().externalId(), nullValue());
    assertThat(updated.nextRun().getEpochSecond() % 600, equalTo(0L));

    var paused = schedules.pause(schedule.id()).orElseThrow();
    assertThat(paused.active(), is(false));
    assertThat(paused.nextRuns(), hasSize(0));
    var resumed = schedules.resume(schedule.id()).orElseThrow();
    assertThat(resumed.active(), is(true));
    assertThat(resumed.nextRun(), greaterThan(Instant.now()));

    assertThat(schedules.delete(schedule.id()), is(true));
    assertThat(schedules.find(schedule.id()).isPresent(), is(false));
    assertThat(schedules.delete(schedule.id()), is(false));
    assertThat(schedules.update(schedule.id(), hourlyEcho("gone")).isPresent(), is(false));
  }

  @Test
  void badDefinitionsAreRefusedAndNothingIsStored() throws SQLException {
    long before = count("SELECT count(*) FROM engine.schedules");
    assertThrows(
        UnknownTaskException.class,
        () -> schedules.create(ScheduleDefinition.cron("no-such-task", "0 * * * *", Map.of())));
    assertThrows(
        InvalidScheduleException.class,
        () ->
            schedules.create(
                ScheduleDefinition.cron("echo", "every hour", Map.of("message", "x"))));
    assertThrows(
        InvalidScheduleException.class,
        () -> schedules.create(hourlyEcho("x").withTimezone("Europe/Atlantis")));
    assertThrows(
        InvalidScheduleException.class,
        () ->
            schedules.create(
                ScheduleDefinition.every("echo", Duration.ofMillis(10), Map.of("message", "x"))));
    assertThrows(
        InvalidPayloadException.class,
        () -> schedules.create(ScheduleDefinition.cron("echo", "0 * * * *", Map.of("wrong", 1))));
    assertThat(count("SELECT count(*) FROM engine.schedules"), equalTo(before));
  }

  @Test
  void afterDowntimeCatchUpOneMakesOneRunForAllMissedTimes() throws SQLException {
    // Yearly, so that the latest missed time (1 January) is long past whenever the test runs.
    var schedule =
        schedules.create(ScheduleDefinition.cron("echo", "0 0 1 1 *", Map.of("message", "y")));
    moveNextRun(schedule.id(), Duration.ofDays(3 * 366));

    ticker.tick();

    var runs = runsOf(schedule.id());
    assertThat(runs, hasSize(1));
    var thisNewYear =
        Instant.parse(Instant.now().atZone(ZoneOffset.UTC).getYear() + "-01-01T00:00:00Z");
    assertThat(
        runs.getFirst().idempotencyKey(), equalTo("schedule:" + schedule.id() + ":" + thisNewYear));
    var after = schedules.find(schedule.id()).orElseThrow();
    assertThat(
        after.nextRun(), equalTo(thisNewYear.atZone(ZoneOffset.UTC).plusYears(1).toInstant()));
    assertThat(after.lastRun().id(), equalTo(runs.getFirst().id()));
    assertThat(after.lastRun().firedAt(), equalTo(thisNewYear));
    assertThat(after.lastRun().status(), equalTo(RunStatus.QUEUED));
  }

  @Test
  void afterDowntimeCatchUpSkipWaitsForTheNextTime() throws SQLException {
    var schedule =
        schedules.create(
            ScheduleDefinition.cron("echo", "0 0 1 1 *", Map.of("message", "y"))
                .withCatchUp(CatchUpPolicy.SKIP));
    var next = schedule.nextRun();
    moveNextRun(schedule.id(), Duration.ofDays(3 * 366));

    ticker.tick();

    assertThat(runsOf(schedule.id()), hasSize(0));
    var after = schedules.find(schedule.id()).orElseThrow();
    assertThat(after.nextRun(), equalTo(next));
    assertThat(after.lastRun(), nullValue());
  }

  @Test
  void overlapSkipFiresNothingWhileThePreviousRunWaits() {
    var schedule =
        schedules.create(
            ScheduleDefinition.every("echo", Duration.ofSeconds(1), Map.of("message", "o"))
                .withOverlap(OverlapPolicy.SKIP));
    double fired = counter("nightshift.schedules.fired");
    double skipped = counter("nightshift.schedules.skipped");

    var first = tickUntilFired(schedule.id());
    var second = tickAtNextFireTime(schedule.id());

    assertThat(runsOf(schedule.id()), hasSize(1));
    // Other tests' schedules of the same task may fire in these ticks too.
    assertThat(counter("nightshift.schedules.fired") - fired, greaterThanOrEqualTo(1.0));
    assertThat(counter("nightshift.schedules.skipped") - skipped, greaterThan(0.0));
    assertThat(second.lastRun().id(), equalTo(first.lastRun().id()));
    assertThat(second.nextRun(), greaterThan(first.nextRun()));

    testKit.drain();
    tickAtNextFireTime(schedule.id());
    assertThat(runsOf(schedule.id()), hasSize(2));
  }

  @Test
  void overlapQueueFiresWhileThePreviousRunWaits() {
    var schedule =
        schedules.create(
            ScheduleDefinition.every("echo", Duration.ofSeconds(1), Map.of("message", "q")));

    tickUntilFired(schedule.id());
    tickAtNextFireTime(schedule.id());

    var runs = runsOf(schedule.id());
    assertThat(runs, hasSize(2));
    assertThat(runs.stream().map(RunView::status).toList(), everyItem(equalTo(RunStatus.QUEUED)));
    assertThat(runs.get(0).idempotencyKey(), not(equalTo(runs.get(1).idempotencyKey())));
  }

  @Test
  void theViewShowsTheLastRunsStatusDurationAndError() {
    var team = UUID.randomUUID();
    var failing =
        schedules.create(
            ScheduleDefinition.cron("flaky", "0 0 1 1 *", new FlakyTask.Payload(1, "fatal", 0))
                .withTeam(team));
    var run = schedules.triggerNow(failing.id()).orElseThrow();
    var queued = schedules.find(failing.id()).orElseThrow().lastRun();
    assertThat(queued.id(), equalTo(run.id()));
    assertThat(queued.status(), equalTo(RunStatus.QUEUED));
    assertThat(queued.duration(), nullValue());

    testKit.drain();

    var failed = schedules.find(failing.id()).orElseThrow().lastRun();
    assertThat(failed.status(), equalTo(RunStatus.FAILED));
    assertThat(failed.error(), equalTo("cannot be fixed by retrying"));
    assertThat(failed.duration(), not(nullValue()));
    var view = reads.find(run.id()).orElseThrow();
    assertThat(view.teamId(), equalTo(team));
    assertThat(view.tags(), contains("schedule:" + failing.id()));
    assertThat(view.metadata().get("scheduleId").asText(), equalTo(failing.id().toString()));

    var echo = schedules.create(hourlyEcho("done"));
    schedules.triggerNow(echo.id());
    testKit.drain();
    var completed = schedules.find(echo.id()).orElseThrow().lastRun();
    assertThat(completed.status(), equalTo(RunStatus.COMPLETED));
    assertThat(completed.error(), nullValue());
    assertThat(completed.duration(), not(nullValue()));
  }

  @Test
  void aPausedScheduleDoesNotFire() throws SQLException {
    var schedule = schedules.create(hourlyEcho("paused"));
    schedules.pause(schedule.id());
    moveNextRun(schedule.id(), Duration.ofHours(2));

    ticker.tick();

    assertThat(runsOf(schedule.id()), hasSize(0));
  }

  /** Ticks until the schedule has fired once; it is due within a second of its creation. */
  private Schedule tickUntilFired(UUID id) {
    return await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(50))
        .until(
            () -> {
              ticker.tick();
              return schedules.find(id).orElseThrow();
            },
            s -> s.lastRun() != null);
  }

  /** Waits until the schedule's next fire time has passed, then ticks once. */
  private Schedule tickAtNextFireTime(UUID id) {
    var due = schedules.find(id).orElseThrow().nextRun();
    await()
        .atMost(Duration.ofSeconds(10))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> Instant.now().isAfter(due));
    ticker.tick();
    return schedules.find(id).orElseThrow();
  }

  /** The runs a schedule triggered, oldest first: each carries the tag {@code schedule:<id>}. */
  private List<RunView> runsOf(UUID scheduleId) {
    var tagged =
        reads.list(
            new RunFilter(null, null, null, "schedule:" + scheduleId, null, null, null, 200));
    return tagged.reversed();
  }

  /** As if the scheduler had been down: the stored next fire time lies this far in the past. */
  private double counter(String name) {
    var counter = registry.find(name).tag("task", "echo").counter();
    return counter == null ? 0 : counter.count();
  }

  private void moveNextRun(UUID id, Duration back) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.schedules SET next_run_at = next_run_at - ? * interval '1 second'"
                    + " WHERE id = ?")) {
      update.setLong(1, back.toSeconds());
      update.setObject(2, id);
      update.executeUpdate();
    }
  }

  private long count(String sql) throws SQLException {
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql);
        var rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}
