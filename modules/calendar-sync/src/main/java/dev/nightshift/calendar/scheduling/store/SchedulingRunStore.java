package dev.nightshift.calendar.scheduling.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.calendar.scheduling.Schedule;
import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code calendar.scheduling_runs}. Every write joins the caller's transaction. A status only moves
 * forward: each change names the statuses it leaves, so a late write changes nothing and says so.
 */
@ApplicationScoped
public class SchedulingRunStore {

  private static final String COLUMNS =
      "id, team_id, run_id, status, request, window_start, window_end, result, error,"
          + " created_at, started_at, finished_at";

  private final DataSource dataSource;
  private final ObjectMapper json;

  SchedulingRunStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Stores a new scheduling run unless the team already made one with the idempotency key.
   *
   * @return true when stored; false when the key was used before
   */
  public boolean insertIfNew(UUID id, UUID team, SchedulingRequest request, String key) {
    var sql =
        "INSERT INTO calendar.scheduling_runs (id, team_id, request, idempotency_key)"
            + " VALUES (?, ?, ?::jsonb, ?) ON CONFLICT (team_id, idempotency_key)"
            + " WHERE idempotency_key IS NOT NULL DO NOTHING";
    return update(sql, id, team, write(request), key) == 1;
  }

  public void setRun(UUID id, UUID runId) {
    update("UPDATE calendar.scheduling_runs SET run_id = ? WHERE id = ?", runId, id);
  }

  public Optional<SchedulingRun> find(UUID id) {
    return one("SELECT " + COLUMNS + " FROM calendar.scheduling_runs WHERE id = ?", id);
  }

  public Optional<SchedulingRun> findByRun(UUID runId) {
    return one("SELECT " + COLUMNS + " FROM calendar.scheduling_runs WHERE run_id = ?", runId);
  }

  public Optional<SchedulingRun> findByIdempotencyKey(UUID team, String key) {
    return one(
        "SELECT "
            + COLUMNS
            + " FROM calendar.scheduling_runs"
            + " WHERE team_id = ? AND idempotency_key = ?",
        team,
        key);
  }

  /** An attempt starts with its window. False once the run has finished. */
  public boolean started(UUID id, Instant windowStart, Instant windowEnd) {
    return update(
            "UPDATE calendar.scheduling_runs SET status = 'RUNNING', window_start = ?,"
                + " window_end = ?, started_at = now() WHERE id = ?"
                + " AND status IN ('QUEUED', 'RUNNING')",
            Timestamp.from(windowStart),
            Timestamp.from(windowEnd),
            id)
        == 1;
  }

  /** The schedule is in the calendar. False once the run had finished. */
  public boolean completed(UUID id, Schedule schedule) {
    var summary = schedule.summary();
    return update(
            "UPDATE calendar.scheduling_runs SET status = 'COMPLETED', result = ?::jsonb,"
                + " placed = ?, after_deadline = ?, unplaced = ?, finished_at = now()"
                + " WHERE id = ? AND status = 'RUNNING'",
            write(schedule),
            summary.placed(),
            summary.afterDeadline(),
            summary.unplaced(),
            id)
        == 1;
  }

  /** The run failed for good. False once it had finished. */
  public boolean failed(UUID id, String error) {
    return update(
            "UPDATE calendar.scheduling_runs SET status = 'FAILED', error = ?, finished_at = now()"
                + " WHERE id = ? AND status IN ('QUEUED', 'RUNNING')",
            error,
            id)
        == 1;
  }

  private Optional<SchedulingRun> one(String sql, Object... params) {
    return Statements.first(dataSource, "read a scheduling run", sql, this::read, params);
  }

  private int update(String sql, Object... params) {
    return Statements.update(dataSource, "write a scheduling run", sql, params);
  }

  private String write(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Could not write JSON for a scheduling run", e);
    }
  }

  private SchedulingRun read(ResultSet rs) throws SQLException {
    try {
      var result = rs.getString("result");
      return new SchedulingRun(
          rs.getObject("id", UUID.class),
          rs.getObject("team_id", UUID.class),
          rs.getObject("run_id", UUID.class),
          SchedulingStatus.valueOf(rs.getString("status")),
          json.readValue(rs.getString("request"), SchedulingRequest.class),
          Rows.instant(rs, "window_start"),
          Rows.instant(rs, "window_end"),
          result == null ? null : json.readValue(result, Schedule.class),
          rs.getString("error"),
          Rows.instant(rs, "created_at"),
          Rows.instant(rs, "started_at"),
          Rows.instant(rs, "finished_at"));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("A scheduling run's stored JSON does not read", e);
    }
  }
}
