package dev.nightshift.calendar.scheduling.web;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * schedule-tasks end to end: working hours and a schedule through REST, busy time in the team's
 * calendar, the real worker placing events, team isolation and bad input.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ScheduleIntegrationTest {

  private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

  @Inject DataSource dataSource;

  private TestApi api;

  /** A Monday at least a week ahead, so that "now" never cuts into the test's window. */
  private LocalDate monday;

  @BeforeEach
  void team() {
    api = TestApi.newTeam();
    var date = LocalDate.now(BERLIN).plusDays(7);
    while (date.getDayOfWeek() != DayOfWeek.MONDAY) {
      date = date.plusDays(1);
    }
    monday = date;
  }

  @Test
  void placesTasksAroundBusyTimeAndARerunReplacesThem() throws Exception {
    putHours(Map.of("MONDAY", List.of(block("09:00", "12:00"), block("13:00", "17:00"))));
    assertThat(
        api.request()
            .get("/api/v1/calendar-working-hours")
            .then()
            .statusCode(200)
            .extract()
            .path("week.MONDAY[1].start"),
        equalTo("13:00"));
    busy("standup", at("09:00"), at("09:30"), true);
    busy("lunch-walk", at("11:10"), at("11:40"), true);

    var done =
        scheduleAndAwait(
            List.of(
                Map.of(
                    "id",
                    "report",
                    "title",
                    "Write the report",
                    "durationMinutes",
                    180,
                    "minChunkMinutes",
                    60,
                    "maxChunkMinutes",
                    120,
                    "priority",
                    "HIGH",
                    "due",
                    at("17:00").toString()),
                Map.of("id", "mail", "title", "Answer mail", "durationMinutes", 45)));

    assertThat(done.getString("status"), equalTo("COMPLETED"));
    // report first (it has a due date): 09:30-11:00 is 90 min, the rest after lunch.
    assertThat(
        done.getList("placements.collect { it.taskId + '@' + it.start + '-' + it.end }"),
        contains(
            "report@" + at("09:30") + "-" + at("11:00"),
            "report@" + at("13:00") + "-" + at("14:30"),
            "mail@" + at("14:30") + "-" + at("15:15")));
    assertThat(done.getInt("summary.placed"), equalTo(2));
    assertThat(done.getList("warnings"), hasSize(0));
    assertThat(
        placedEvents(),
        contains(
            "Write the report (1/2)@" + at("09:30"),
            "Write the report (2/2)@" + at("13:00"),
            "Answer mail@" + at("14:30")));

    // Again, with the report shorter: its earlier placements go, the busy events stay.
    var again =
        scheduleAndAwait(
            List.of(
                Map.of(
                    "id", "report",
                    "title", "Write the report",
                    "durationMinutes", 60,
                    "priority", "HIGH")));
    assertThat(again.getList("placements.start"), contains(at("09:30").toString()));
    assertThat(
        placedEvents(),
        containsInAnyOrder("Write the report@" + at("09:30"), "Answer mail@" + at("14:30")));
    assertThat(countEvents("ics"), equalTo(2));
  }

  @Test
  void aTaskThatCannotFitItsDeadlineIsPlacedLaterWithAWarningAndOneThatCannotFitAtAllIsNot() {
    putHours(Map.of("MONDAY", List.of(block("09:00", "10:00"))));
    var done =
        scheduleAndAwait(
            List.of(
                Map.of(
                    "id",
                    "late",
                    "title",
                    "Late",
                    "durationMinutes",
                    60,
                    "due",
                    at("09:30").toString()),
                Map.of("id", "huge", "title", "Huge", "durationMinutes", 600)));
    assertThat(done.getList("warnings.kind"), containsInAnyOrder("AFTER_DEADLINE", "UNPLACED"));
    assertThat(done.getList("placements.taskId"), contains("late"));
    assertThat(done.getInt("summary.unplaced"), equalTo(1));
  }

  @Test
  void anotherTeamSeesNeitherTheScheduleNorTheHours() {
    putHours(Map.of("FRIDAY", List.of(block("09:00", "17:00"))));
    var id = schedule(List.of(Map.of("id", "a", "title", "A", "durationMinutes", 15)), 202);
    var other = TestApi.newTeam();
    other.request().get("/api/v1/calendar-schedules/" + id).then().statusCode(404);
    other.request().get("/api/v1/calendar-working-hours").then().statusCode(404);
  }

  @Test
  void aRepeatedIdempotencyKeyReturnsTheSameScheduleRun() {
    putHours(Map.of("FRIDAY", List.of(block("09:00", "17:00"))));
    var body = Map.of("tasks", List.of(Map.of("id", "a", "title", "A", "durationMinutes", 15)));
    String first =
        api.request()
            .header("Idempotency-Key", "k-1")
            .contentType("application/json")
            .body(body)
            .post("/api/v1/calendar-schedules")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    String second =
        api.request()
            .header("Idempotency-Key", "k-1")
            .contentType("application/json")
            .body(body)
            .post("/api/v1/calendar-schedules")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(second, equalTo(first));
  }

  @Test
  void badInputIsA400NamingEveryBadField() {
    var hours =
        api.request()
            .contentType("application/json")
            .body(
                Map.of(
                    "timeZone",
                    "Mars/Olympus",
                    "week",
                    Map.of(
                        "MONDAY", List.of(block("09:00", "12:00"), block("11:00", "13:00")),
                        "FUNDAY", List.of(block("09:00", "10:00")),
                        "TUESDAY", List.of(block("09:10", "10:00"), block("12:00", "11:00")))))
            .put("/api/v1/calendar-working-hours")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    assertThat(
        hours.getList("errors.field"),
        containsInAnyOrder(
            "timeZone",
            "week.MONDAY[1]",
            "week.FUNDAY",
            "week.TUESDAY[0].start",
            "week.TUESDAY[1].end"));

    // No working hours yet: nothing to schedule into.
    api.request()
        .contentType("application/json")
        .body(Map.of("tasks", List.of(Map.of("id", "a", "title", "A", "durationMinutes", 15))))
        .post("/api/v1/calendar-schedules")
        .then()
        .statusCode(422);

    putHours(Map.of("MONDAY", List.of(block("09:00", "17:00"))));
    var task = new HashMap<String, Object>();
    task.put("id", "bad:id");
    task.put("title", "");
    task.put("durationMinutes", 20);
    task.put("minChunkMinutes", 60);
    task.put("priority", "URGENT");
    var schedule =
        api.request()
            .contentType("application/json")
            .body(
                Map.of(
                    "tasks",
                    List.of(
                        task,
                        Map.of("id", "a", "title", "A", "durationMinutes", 15),
                        Map.of("id", "a", "title", "A again", "durationMinutes", 15)),
                    "windowDays",
                    500))
            .post("/api/v1/calendar-schedules")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath();
    assertThat(
        schedule.getList("errors.field"),
        containsInAnyOrder(
            "windowDays",
            "tasks[0].id",
            "tasks[0].title",
            "tasks[0].durationMinutes",
            "tasks[0].maxChunkMinutes",
            "tasks[0].priority",
            "tasks[2].id"));
    assertThat(
        api.request()
            .contentType("application/json")
            .body(Map.of("tasks", List.of()))
            .post("/api/v1/calendar-schedules")
            .then()
            .statusCode(400)
            .extract()
            .jsonPath()
            .getList("errors.field"),
        contains("tasks"));
  }

  private void putHours(Map<String, ?> week) {
    api.request()
        .contentType("application/json")
        .body(Map.of("timeZone", "Europe/Berlin", "week", week))
        .put("/api/v1/calendar-working-hours")
        .then()
        .statusCode(200);
  }

  private static Map<String, String> block(String start, String end) {
    return Map.of("start", start, "end", end);
  }

  private String schedule(List<Map<String, Object>> tasks, int status) {
    return api.request()
        .contentType("application/json")
        .body(Map.of("tasks", tasks, "windowDays", 7, "from", at("00:00").toString()))
        .post("/api/v1/calendar-schedules")
        .then()
        .statusCode(status)
        .extract()
        .path("id");
  }

  private JsonPath scheduleAndAwait(List<Map<String, Object>> tasks) {
    var id = schedule(tasks, 202);
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                List.of("COMPLETED", "FAILED")
                    .contains(
                        api.request()
                            .get("/api/v1/calendar-schedules/" + id)
                            .then()
                            .extract()
                            .path("status")));
    var done =
        api.request()
            .get("/api/v1/calendar-schedules/" + id)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(done.getString("error"), done.getString("status"), equalTo("COMPLETED"));
    return done;
  }

  /** The test's Monday at a Berlin wall-clock time. */
  private Instant at(String time) {
    return monday.atTime(LocalTime.parse(time)).atZone(BERLIN).toInstant();
  }

  private void busy(String id, Instant start, Instant end, boolean locked) throws SQLException {
    execute(
        "INSERT INTO calendar.events (id, team_id, provider, external_calendar_id, external_id,"
            + " title, start_at, end_at, locked) VALUES (?, ?, 'ics', 'feed', ?, ?, ?, ?, ?)",
        Ids.next(),
        api.teamId(),
        id,
        id,
        Timestamp.from(start),
        Timestamp.from(end),
        locked);
  }

  private List<String> placedEvents() throws SQLException {
    var sql =
        "SELECT title, start_at FROM calendar.events WHERE team_id = ? AND provider = 'nightshift'"
            + " AND external_calendar_id = 'tasks' AND NOT locked ORDER BY start_at";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setObject(1, api.teamId());
      var events = new ArrayList<String>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          events.add(rs.getString(1) + "@" + rs.getTimestamp(2).toInstant());
        }
      }
      return events;
    }
  }

  private int countEvents(String provider) throws SQLException {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT count(*) FROM calendar.events WHERE team_id = ? AND provider = ?")) {
      query.setObject(1, api.teamId());
      query.setString(2, provider);
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private void execute(String sql, Object... params) throws SQLException {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }
}
