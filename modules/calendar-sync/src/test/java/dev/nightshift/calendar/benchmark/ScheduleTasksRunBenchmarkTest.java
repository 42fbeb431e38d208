package dev.nightshift.calendar.benchmark;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.calendar.scheduling.DailyBlock;
import dev.nightshift.calendar.scheduling.TaskToSchedule;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * schedule-tasks as a client runs it: 500 tasks over 30 days posted to {@code
 * /api/v1/calendar-schedules}, the run reading the team's busy events and working hours, placing
 * the tasks and writing the placements as events in one transaction. The same calendar and tasks as
 * {@link ScheduleTasksBenchmarkTest}, which times the algorithm alone. Runs only when asked
 * (docs/benchmarks.md#calendar-sync):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/calendar-sync -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=ScheduleTasksRunBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The run's time is its {@code startedAt} to {@code finishedAt}; the report goes to stdout and to
 * {@code target/schedule-tasks-run-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ScheduleTasksRunBenchmarkTest {

  private static final int ROUNDS = 3;

  @Inject DataSource dataSource;

  @Test
  void fiveHundredTasksOverThirtyDaysThroughTheRun() throws Exception {
    var api = TestApi.newTeam();
    var from = mondayAhead().atStartOfDay(ScheduleTasksBenchmarkTest.ZONE).toInstant();
    var random = new Random(42);
    putWorkingHours(api);
    var busy = ScheduleTasksBenchmarkTest.busy(random, from);
    for (int i = 0; i < busy.size(); i++) {
      insertBusy(api, "meeting-" + i, busy.get(i).start(), busy.get(i).end());
    }
    var tasks =
        ScheduleTasksBenchmarkTest.tasks(
                random, from, from.plus(Duration.ofDays(ScheduleTasksBenchmarkTest.DAYS)), 2)
            .stream()
            .map(ScheduleTasksRunBenchmarkTest::body)
            .toList();

    var report = new ArrayList<String>();
    report.add(
        String.format(
            Locale.ROOT,
            "schedule-tasks run, %s, %d cores: %d tasks (15 or 30 min each), %d days, %d busy"
                + " events",
            Instant.now(),
            Runtime.getRuntime().availableProcessors(),
            tasks.size(),
            ScheduleTasksBenchmarkTest.DAYS,
            busy.size()));
    // Each round replaces the placements of the round before, as a client re-planning does.
    for (int round = 1; round <= ROUNDS; round++) {
      long posted = System.nanoTime();
      String id =
          api.request()
              .contentType("application/json")
              .body(
                  Map.of(
                      "tasks",
                      tasks,
                      "windowDays",
                      ScheduleTasksBenchmarkTest.DAYS,
                      "from",
                      from.toString()))
              .post("/api/v1/calendar-schedules")
              .then()
              .statusCode(202)
              .extract()
              .path("id");
      await()
          .atMost(Duration.ofMinutes(2))
          .pollInterval(Duration.ofMillis(20))
          .until(
              () ->
                  List.of("COMPLETED", "FAILED")
                      .contains(
                          api.request()
                              .get("/api/v1/calendar-schedules/" + id)
                              .then()
                              .extract()
                              .path("status")));
      double wall = (System.nanoTime() - posted) / 1e9;
      var done = api.request().get("/api/v1/calendar-schedules/" + id).then().extract().jsonPath();
      assertThat(done.getString("error"), done.getString("status"), equalTo("COMPLETED"));
      var run =
          Duration.between(
              Instant.parse(done.getString("startedAt")),
              Instant.parse(done.getString("finishedAt")));
      report.add(
          String.format(
              Locale.ROOT,
              "round %d: run %d ms (%.2f s from the request), placed %d in %d events, %d unplaced",
              round,
              run.toMillis(),
              wall,
              done.getInt("summary.placed"),
              done.getInt("summary.chunks"),
              done.getInt("summary.unplaced")));
    }
    report.forEach(System.out::println);
    Files.write(Path.of("target/schedule-tasks-run-benchmark.txt"), report);
  }

  private static LocalDate mondayAhead() {
    var date = LocalDate.now(ScheduleTasksBenchmarkTest.ZONE).plusDays(7);
    while (date.getDayOfWeek() != DayOfWeek.MONDAY) {
      date = date.plusDays(1);
    }
    return date;
  }

  private static void putWorkingHours(TestApi api) {
    var week = new HashMap<String, Object>();
    ScheduleTasksBenchmarkTest.hours()
        .week()
        .forEach(
            (day, blocks) -> week.put(day.name(), blocks.stream().map(b -> block(b)).toList()));
    api.request()
        .contentType("application/json")
        .body(Map.of("timeZone", ScheduleTasksBenchmarkTest.ZONE.getId(), "week", week))
        .put("/api/v1/calendar-working-hours")
        .then()
        .statusCode(200);
  }

  private static Map<String, String> block(DailyBlock block) {
    return Map.of("start", clock(block.startMinute()), "end", clock(block.endMinute()));
  }

  private static String clock(int minute) {
    return String.format(Locale.ROOT, "%02d:%02d", minute / 60, minute % 60);
  }

  private static Map<String, Object> body(TaskToSchedule task) {
    var body = new HashMap<String, Object>();
    body.put("id", task.id());
    body.put("title", task.title());
    body.put("durationMinutes", task.duration().toMinutes());
    if (task.minChunk() != null) {
      body.put("minChunkMinutes", task.minChunk().toMinutes());
      body.put("maxChunkMinutes", task.maxChunk().toMinutes());
    }
    body.put("priority", task.priority().name());
    if (task.due() != null) {
      body.put("due", task.due().toString());
    }
    return body;
  }

  private void insertBusy(TestApi api, String id, Instant start, Instant end) throws SQLException {
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO calendar.events (id, team_id, provider, external_calendar_id,"
                    + " external_id, title, start_at, end_at, locked)"
                    + " VALUES (?, ?, 'ics', 'feed', ?, ?, ?, ?, true)")) {
      insert.setObject(1, Ids.next());
      insert.setObject(2, api.teamId());
      insert.setString(3, id);
      insert.setString(4, id);
      insert.setTimestamp(5, Timestamp.from(start));
      insert.setTimestamp(6, Timestamp.from(end));
      insert.executeUpdate();
    }
  }
}
