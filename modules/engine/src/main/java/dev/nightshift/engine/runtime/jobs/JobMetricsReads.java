package dev.nightshift.engine.runtime.jobs;

import static dev.nightshift.platform.database.Rows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Counts and times the runs that ended in a window, per task and in total, in one statement that
 * reads the window's part of {@code runs_task_finished} (for one team, {@code
 * runs_team_task_finished}) and nothing else (docs/benchmarks.md).
 */
@ApplicationScoped
class JobMetricsReads {

  /** The totals of a window, and where the window lay by the database's clock. */
  record Result(Instant from, Instant to, RunTotals totals, Map<String, RunTotals> tasks) {}

  // A run's duration is from its first attempt's start to its end: finished_at - started_at.
  private static final String SQL =
      """
      SELECT r.task_id, grouping(r.task_id) = 1 AS total, count(*) AS executions,
             count(*) FILTER (WHERE r.status = 'COMPLETED') AS successes,
             round(extract(epoch FROM avg(r.finished_at - r.started_at)) * 1000) AS average_ms,
             round(extract(epoch FROM percentile_cont(0.95)
                 WITHIN GROUP (ORDER BY r.finished_at - r.started_at)) * 1000) AS p95_ms
      FROM engine.runs r
      WHERE r.task_id = ANY (?) AND r.finished_at >= ? AND r.finished_at <= ?
        AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT') %s
      GROUP BY GROUPING SETS ((r.task_id), ())
      """;

  private final DataSource dataSource;

  JobMetricsReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Runs of {@code tasks} that ended in the last {@code window}; of {@code team} unless null. */
  Result read(Collection<String> tasks, MetricsWindow window, UUID team) {
    try (var c = dataSource.getConnection()) {
      Instant to;
      try (var clock = c.prepareStatement("SELECT now() AS now");
          var rs = clock.executeQuery()) {
        rs.next();
        to = instant(rs, "now");
      }
      Instant from = to.minus(window.duration());
      try (var select =
          c.prepareStatement(SQL.formatted(team == null ? "" : "AND r.team_id = ?"))) {
        select.setArray(1, c.createArrayOf("text", tasks.toArray()));
        select.setTimestamp(2, Timestamp.from(from));
        select.setTimestamp(3, Timestamp.from(to));
        if (team != null) {
          select.setObject(4, team);
        }
        var totals = RunTotals.NONE;
        var perTask = new HashMap<String, RunTotals>();
        try (var rs = select.executeQuery()) {
          while (rs.next()) {
            if (rs.getBoolean("total")) {
              totals = totals(rs);
            } else {
              perTask.put(rs.getString("task_id"), totals(rs));
            }
          }
        }
        return new Result(from, to, totals, perTask);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the job metrics", e);
    }
  }

  private static RunTotals totals(ResultSet rs) throws SQLException {
    long executions = rs.getLong("executions");
    long successes = rs.getLong("successes");
    return new RunTotals(
        executions,
        successes,
        executions - successes,
        nullableLong(rs, "average_ms"),
        nullableLong(rs, "p95_ms"));
  }

  private static Long nullableLong(ResultSet rs, String column) throws SQLException {
    long value = rs.getLong(column);
    return rs.wasNull() ? null : value;
  }
}
