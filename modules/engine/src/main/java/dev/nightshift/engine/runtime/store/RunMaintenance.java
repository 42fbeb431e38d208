package dev.nightshift.engine.runtime.store;

import dev.nightshift.engine.runtime.event.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Housekeeping statements, each bounded to a batch and safe to run on every node at once: they lock
 * rows with SKIP LOCKED and check state in the same statement.
 */
@ApplicationScoped
public class RunMaintenance {

  private final DataSource dataSource;
  private final boolean lifecycleEvents;

  RunMaintenance(DataSource dataSource, EventsConfig events) {
    this.dataSource = dataSource;
    this.lifecycleEvents = events.runLifecycle();
  }

  /**
   * Returns runs whose worker stopped renewing its lease (a crashed node) to the queue, or fails
   * them when no attempt is left. The lost attempt is recorded. A run that completed meanwhile is
   * no longer EXECUTING and is left alone, and so are the runs of {@code self}, the calling node,
   * whose attempts are alive. A run failed here publishes {@code run.failed}, as in {@link
   * RunCompletions}.
   */
  public int rescueLostRuns(int batch, String self) throws SQLException {
    return execute(
        """
        WITH rescued AS (
        UPDATE engine.runs r
        SET status = CASE WHEN r.attempt >= r.max_attempts THEN 'FAILED' ELSE 'QUEUED' END,
            finished_at = CASE WHEN r.attempt >= r.max_attempts THEN now() END,
            run_at = now(),
            attempts = r.attempts || jsonb_build_array(jsonb_build_object(
                'attempt', r.attempt, 'startedAt', r.started_at, 'finishedAt', now(),
                'type', 'WorkerLost',
                'message', 'The worker ' || r.lease_owner || ' stopped renewing its lease.')),
            lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
        WHERE r.id IN (SELECT id FROM engine.runs WHERE status = 'EXECUTING'
                       AND lease_expires_at < now() AND lease_owner IS DISTINCT FROM ?
                       LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING r.id, r.task_id, r.team_id, r.status)
        SELECT count(*), engine.notify_changed(array_agg(id)),
               engine.publish_events(jsonb_agg(jsonb_build_object('name', 'run.failed',
                   'team_id', team_id, 'source', 'engine', 'payload', jsonb_build_object(
                       'runId', id, 'task', task_id, 'status', status, 'teamId', team_id,
                       'error', jsonb_build_object('type', 'WorkerLost'))))
                   FILTER (WHERE %s AND status = 'FAILED'))
        FROM rescued
        """
            .formatted(lifecycleEvents),
        self,
        batch);
  }

  /** Ends queued runs whose TTL passed before they started. */
  public int expireRuns(int batch) throws SQLException {
    return execute(
        """
        WITH expired AS (
        UPDATE engine.runs SET status = 'EXPIRED', finished_at = now(), updated_at = now()
        WHERE id IN (SELECT id FROM engine.runs WHERE status = 'QUEUED' AND expires_at < now()
                     LIMIT ? FOR UPDATE SKIP LOCKED)
        RETURNING id)
        SELECT count(*), engine.notify_changed(array_agg(id)) FROM expired
        """,
        null,
        batch);
  }

  /** Deletes finished runs older than {@code retention}. */
  public int pruneFinishedRuns(Duration retention, int batch) throws SQLException {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                """
                DELETE FROM engine.runs WHERE id IN (
                    SELECT id FROM engine.runs
                    WHERE finished_at < now() - ? LIMIT ? FOR UPDATE SKIP LOCKED)
                """)) {
      delete.setObject(1, RunLeases.interval(retention));
      delete.setInt(2, batch);
      return delete.executeUpdate();
    }
  }

  /** Runs a statement that answers how many rows it changed; a null {@code self} is not bound. */
  private int execute(String sql, String self, int batch) throws SQLException {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      int i = 1;
      if (self != null) {
        statement.setString(i++, self);
      }
      statement.setInt(i, batch);
      try (var rs = statement.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
