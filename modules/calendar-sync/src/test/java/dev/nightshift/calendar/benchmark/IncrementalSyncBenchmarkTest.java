package dev.nightshift.calendar.benchmark;

import static dev.nightshift.calendar.CalendarTests.awaitRun;
import static dev.nightshift.calendar.CalendarTests.connect;
import static dev.nightshift.calendar.CalendarTests.sync;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.calendar.CalendarTests;
import dev.nightshift.calendar.remote.FakeProviders;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Locale;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * An incremental sync that applies 10,000 changed events, served in pages of 2,500 (Google's
 * largest), through the real task, engine and database. Runs only when asked:
 *
 * <pre>
 * ./mvnw -B verify -pl modules/calendar-sync -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=IncrementalSyncBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false \
 *     -DargLine=-Dnightshift.calendar.sync.batch-size=500
 * </pre>
 *
 * <p>The {@code argLine} restores the default batch size, which the other tests shrink.
 *
 * <p>The sync's own time is its log line's end minus start; the run's time adds the wait for a
 * worker.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class IncrementalSyncBenchmarkTest {

  private static final int EVENTS = Integer.getInteger("benchmark.events", 10_000);
  private static final int ROUNDS = 3;

  @Inject DataSource dataSource;

  @BeforeEach
  void setUp() {
    FakeProviders.install();
  }

  @Test
  void tenThousandChangedEvents() {
    var api = TestApi.newTeam();
    var account = FakeProviders.GOOGLE.newAccount();
    var calendar = account.primary();
    calendar.pageSize = 2500;
    var start = Instant.now().plus(1, ChronoUnit.DAYS).truncatedTo(ChronoUnit.HOURS);
    for (int i = 0; i < EVENTS; i++) {
      calendar.put("ev" + i, "Event " + i, start.plus(Duration.ofMinutes(15L * i)));
    }
    var connection = connect(api, account);
    assertThat(awaitRun(connection.syncRunId()).getString("status"), equalTo("COMPLETED"));
    var db = new CalendarTests(dataSource);

    var report = new ArrayList<String>();
    for (int round = 1; round <= ROUNDS; round++) {
      for (int i = 0; i < EVENTS; i++) {
        calendar.put(
            "ev" + i, "Event " + i + " v" + round, start.plus(Duration.ofMinutes(15L * i)));
      }
      long began = System.nanoTime();
      var run = awaitRun(sync(api, connection.id(), "incremental"));
      double runSeconds = (System.nanoTime() - began) / 1e9;
      assertThat(run.getString("status"), equalTo("COMPLETED"));
      var log = CalendarTests.lastLog(api, connection.id());
      assertThat(log.getInt("updated"), equalTo(EVENTS));
      var intervals = db.logIntervals(connection.id());
      var last = intervals.getLast();
      double syncSeconds = (last[1] - last[0]) / 1e6;
      report.add(
          String.format(
              Locale.ROOT,
              "round %d: %d events in %d pages, sync %.2f s (%.0f events/s), run %.2f s",
              round,
              EVENTS,
              log.getInt("pages"),
              syncSeconds,
              EVENTS / syncSeconds,
              runSeconds));
    }
    System.out.println("== calendar incremental sync benchmark ==");
    report.forEach(System.out::println);
  }
}
