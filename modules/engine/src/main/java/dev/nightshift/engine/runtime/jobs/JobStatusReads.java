package dev.nightshift.engine.runtime.jobs;

import static dev.nightshift.platform.database.Rows.instant;

import dev.nightshift.engine.RunStatus;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Reads the activity of many tasks in one round trip. Its cost grows with the runs that wait and
 * execute, not with the finished ones: each part reads a partial index (docs/benchmarks.md).
 */
@ApplicationScoped
class JobStatusReads {

  // %1$s and %2$s are the team conditions on the aliases r and l, or nothing for every team.
  private static final String SQL =
      """
      WITH active AS (
          SELECT r.task_id, count(*) FILTER (WHERE r.status = 'QUEUED') AS queued,
                 count(*) FILTER (WHERE r.status = 'EXECUTING') AS executing,
                 count(*) FILTER (WHERE r.status = 'WAITING') AS waiting,
                 min(r.run_at) FILTER (WHERE r.status = 'QUEUED') AS next_run_at
          -- A scan per state, each on its own partial index (runs_claim, runs_executing,
          -- runs_wait_until): one scan for all states reads the whole table.
          FROM (SELECT r.task_id, r.status, r.run_at FROM engine.runs r
                WHERE r.status = 'QUEUED' %1$s
                UNION ALL
                SELECT r.task_id, r.status, r.run_at FROM engine.runs r
                WHERE r.status = 'EXECUTING' %1$s
                UNION ALL
                SELECT r.task_id, r.status, r.run_at FROM engine.runs r
                WHERE r.status = 'WAITING' %1$s) r
          GROUP BY r.task_id)
      SELECT t.task_id, a.queued, a.executing, a.waiting, a.next_run_at,
             x.id AS x_id, x.started_at AS x_started_at,
             f.id AS f_id, f.status AS f_status, f.started_at AS f_started_at,
             f.finished_at AS f_finished_at,
             e.id AS e_id, e.finished_at AS e_finished_at, e.error ->> 'type' AS e_type,
             e.error ->> 'message' AS e_message
      FROM unnest(?::text[]) AS t(task_id)
      LEFT JOIN active a ON a.task_id = t.task_id
      LEFT JOIN LATERAL (
          SELECT r.id, r.started_at FROM engine.runs r
          WHERE r.task_id = t.task_id AND r.status = 'EXECUTING' %1$s
          ORDER BY r.started_at DESC LIMIT 1) x ON true
      -- Only columns that runs_task_finished (or runs_team_task_finished) holds, for an index-only
      -- scan: the planner does not know how many runs a task has and would otherwise walk every
      -- task's finished runs.
      LEFT JOIN LATERAL (
          SELECT r.id, r.status, r.started_at, r.finished_at FROM engine.runs r
          WHERE r.task_id = t.task_id AND r.finished_at IS NOT NULL
            AND r.status IN ('COMPLETED', 'FAILED', 'TIMED_OUT') %1$s
          ORDER BY r.finished_at DESC LIMIT 1) f ON true
      -- The failure is found in runs_task_failed (or runs_team_task_failed) alone; only that one
      -- run is read for its error.
      LEFT JOIN LATERAL (
          SELECT r.id, r.finished_at, r.attempts -> -1 AS error FROM engine.runs r
          WHERE r.id = (SELECT l.id FROM engine.runs l
                        WHERE l.task_id = t.task_id AND l.status IN ('FAILED', 'TIMED_OUT') %2$s
                        ORDER BY l.finished_at DESC LIMIT 1)) e ON true
      ORDER BY t.task_id
      """;

  private final DataSource dataSource;

  JobStatusReads(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The activity of each of {@code tasks}, by task id; runs of {@code team} only, unless null. */
  List<TaskActivity> read(Collection<String> tasks, UUID team) {
    String sql =
        team == null
            ? SQL.formatted("", "")
            : SQL.formatted("AND r.team_id = ?", "AND l.team_id = ?");
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      int i = 1;
      if (team != null) {
        // One per state scanned in the active counts.
        for (int state = 0; state < 3; state++) {
          select.setObject(i++, team);
        }
      }
      select.setArray(i++, c.createArrayOf("text", tasks.toArray()));
      if (team != null) {
        select.setObject(i++, team);
        select.setObject(i++, team);
        select.setObject(i, team);
      }
      var activities = new ArrayList<TaskActivity>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          activities.add(read(rs));
        }
      }
      return activities;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the status of the tasks", e);
    }
  }

  private static TaskActivity read(ResultSet rs) throws SQLException {
    var executingId = rs.getObject("x_id", UUID.class);
    var finishedId = rs.getObject("f_id", UUID.class);
    var failedId = rs.getObject("e_id", UUID.class);
    return new TaskActivity(
        rs.getString("task_id"),
        rs.getLong("queued"),
        rs.getLong("executing"),
        rs.getLong("waiting"),
        instant(rs, "next_run_at"),
        executingId == null
            ? null
            : new RunSummary(executingId, RunStatus.EXECUTING, instant(rs, "x_started_at"), null),
        finishedId == null
            ? null
            : new RunSummary(
                finishedId,
                RunStatus.valueOf(rs.getString("f_status")),
                instant(rs, "f_started_at"),
                instant(rs, "f_finished_at")),
        failedId == null
            ? null
            : new RunError(
                failedId,
                instant(rs, "e_finished_at"),
                rs.getString("e_type"),
                rs.getString("e_message")));
  }
}
