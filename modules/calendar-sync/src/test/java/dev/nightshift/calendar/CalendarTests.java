package dev.nightshift.calendar;

import static org.awaitility.Awaitility.await;

import dev.nightshift.calendar.remote.FakeGoogle;
import dev.nightshift.testkit.TestApi;
import io.restassured.path.json.JsonPath;
import java.net.URI;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;

/** Connects calendars over the API, waits for runs, and reads what the sync stored. */
public final class CalendarTests {

  private final DataSource dataSource;

  public CalendarTests(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A connection made over the API and the run of its first sync. */
  public record Connected(UUID id, String syncRunId) {}

  public static Connected connect(TestApi api, FakeGoogle.Account account) {
    var body = new HashMap<String, Object>();
    body.put("provider", "google");
    body.put("name", account.email);
    body.put("accessToken", account.accessToken);
    body.put("refreshToken", account.refreshToken);
    body.put("expiresAt", account.accessExpiresAt.toString());
    var created =
        api.request()
            .contentType("application/json")
            .body(body)
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Connected(
        UUID.fromString(created.getString("connection.id")), created.getString("syncRunId"));
  }

  public static Connected connectFeed(TestApi api, URI url) {
    var created =
        api.request()
            .contentType("application/json")
            .body(Map.of("provider", "ics", "url", url.toString(), "name", "Holidays"))
            .post("/api/v1/calendar-connections")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    return new Connected(
        UUID.fromString(created.getString("connection.id")), created.getString("syncRunId"));
  }

  /** Starts a sync over the API; returns its run. */
  public static String sync(TestApi api, UUID connection, String type) {
    return api.request()
        .contentType("application/json")
        .body(Map.of("type", type))
        .post("/api/v1/calendar-connections/" + connection + "/sync")
        .then()
        .statusCode(202)
        .extract()
        .path("runId");
  }

  /** Waits until the run finished, however it ended, and returns it. */
  public static JsonPath awaitRun(String run) {
    var last = new ArrayList<JsonPath>(1);
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> {
              var json =
                  TestApi.as(TestApi.ADMIN).get("/api/v1/runs/" + run).then().extract().jsonPath();
              last.addFirst(json);
              return List.of("COMPLETED", "FAILED", "CANCELED", "TIMED_OUT", "EXPIRED")
                  .contains(json.getString("status"));
            });
    return last.getFirst();
  }

  /** The connection's newest sync log line. */
  public static JsonPath lastLog(TestApi api, UUID connection) {
    return api.request()
        .get("/api/v1/calendar-connections/" + connection + "/sync-log?limit=1")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .setRootPath("data[0]");
  }

  /** Titles of the stored events of the connection, by external id. */
  public Map<String, String> titles(UUID connection) {
    var titles = new HashMap<String, String>();
    query(
        "SELECT e.external_id, e.title FROM calendar.events e"
            + " JOIN calendar.calendars c ON c.id = e.calendar_id WHERE c.connection_id = ?",
        connection,
        row -> titles.put(row.get(0), row.get(1)));
    return titles;
  }

  /** The stored sync token of the connection's calendar with this external id. */
  public String token(UUID connection, String externalCalendarId) {
    var tokens = new ArrayList<String>();
    query(
        "SELECT s.sync_token FROM calendar.sync_states s JOIN calendar.calendars c"
            + " ON c.id = s.calendar_id WHERE c.connection_id = ? AND c.external_id = '"
            + externalCalendarId.replace("'", "''")
            + "'",
        connection,
        row -> tokens.add(row.get(0)));
    return tokens.isEmpty() ? null : tokens.getFirst();
  }

  /** The connection's calendar id with this external id. */
  public UUID calendarId(UUID connection, String externalCalendarId) {
    var ids = new ArrayList<String>();
    query(
        "SELECT id::text FROM calendar.calendars WHERE connection_id = ? AND external_id = '"
            + externalCalendarId.replace("'", "''")
            + "'",
        connection,
        row -> ids.add(row.get(0)));
    return UUID.fromString(ids.getFirst());
  }

  /** Start and end, in microseconds, of every finished log line of the connection. */
  public List<long[]> logIntervals(UUID connection) {
    var intervals = new ArrayList<long[]>();
    query(
        "SELECT (extract(epoch FROM started_at) * 1000000)::bigint,"
            + " (extract(epoch FROM ended_at) * 1000000)::bigint FROM calendar.sync_log"
            + " WHERE connection_id = ? AND ended_at IS NOT NULL ORDER BY started_at",
        connection,
        row -> intervals.add(new long[] {Long.parseLong(row.get(0)), Long.parseLong(row.get(1))}));
    return intervals;
  }

  public void execute(String sql) {
    try (var c = dataSource.getConnection();
        var statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /** Runs {@code sql} with one parameter and hands each row's columns, as text, to the sink. */
  public void query(String sql, Object param, Consumer<List<String>> sink) {
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setObject(1, param);
      try (var rs = query.executeQuery()) {
        int columns = rs.getMetaData().getColumnCount();
        while (rs.next()) {
          var row = new ArrayList<String>(columns);
          for (int i = 1; i <= columns; i++) {
            row.add(rs.getString(i));
          }
          sink.accept(row);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
