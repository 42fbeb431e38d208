package dev.nightshift.engine.runtime.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/** Changes to one run asked for by a user: cancel and retry. */
@ApplicationScoped
public class RunCommands {

  private final DataSource dataSource;

  RunCommands(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Cancels an unfinished run at once, and then its unfinished descendants (the children it waits
   * for); a worker executing one is told through {@code nightshift_cancel} and finds out at its
   * next heartbeat at the latest. False if the run had finished.
   */
  public boolean cancel(UUID id) {
    // The parent first, in its own transaction: a child's completion then finds its parent no
    // longer waiting and leaves it alone, so the two never lock each other's rows.
    boolean canceled = cancelRun(id);
    if (canceled) {
      cancelDescendants(id);
    }
    return canceled;
  }

  private boolean cancelRun(UUID id) {
    String sql =
        """
        WITH canceled AS (
            UPDATE engine.runs SET status = 'CANCELED', finished_at = now(), lease_owner = NULL,
                lease_expires_at = NULL, updated_at = now()
            WHERE id = ? AND status IN ('QUEUED', 'EXECUTING', 'WAITING')
            RETURNING id)
        SELECT pg_notify('nightshift_cancel', id::text), engine.notify_changed(ARRAY[id]) FROM canceled
        """;
    try (var c = dataSource.getConnection();
        var cancel = c.prepareStatement(sql)) {
      cancel.setObject(1, id);
      try (var rs = cancel.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not cancel run " + id, e);
    }
  }

  /**
   * Queues a run that ended without success (failed, timed out, canceled, expired) again with
   * {@code attempts} more attempts; its history is kept. False if it had not ended so.
   */
  public boolean retry(UUID id, int attempts) {
    String sql =
        """
        UPDATE engine.runs SET status = 'QUEUED', max_attempts = attempt + ?, run_at = now(),
            expires_at = NULL, finished_at = NULL, output = NULL, updated_at = now()
        WHERE id = ? AND status IN ('FAILED', 'TIMED_OUT', 'CANCELED', 'EXPIRED')
        RETURNING pg_notify('nightshift_runs', queue), engine.notify_changed(ARRAY[id])
        """;
    try (var c = dataSource.getConnection();
        var retry = c.prepareStatement(sql)) {
      retry.setInt(1, attempts);
      retry.setObject(2, id);
      try (var rs = retry.executeQuery()) {
        return rs.next();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not retry run " + id, e);
    }
  }

  private void cancelDescendants(UUID id) {
    String sql =
        """
        WITH RECURSIVE tree AS (
            SELECT r.id FROM engine.runs r WHERE r.parent_id = ?
            UNION
            SELECT r.id FROM engine.runs r JOIN tree t ON r.parent_id = t.id),
        canceled AS (
            UPDATE engine.runs SET status = 'CANCELED', finished_at = now(), lease_owner = NULL,
                lease_expires_at = NULL, updated_at = now()
            WHERE id IN (SELECT id FROM tree) AND status IN ('QUEUED', 'EXECUTING', 'WAITING')
            RETURNING id)
        SELECT (SELECT count(pg_notify('nightshift_cancel', id::text)) FROM canceled),
               (SELECT count(*) FROM (SELECT engine.notify_changed(array_agg(id)) FROM canceled) n)
        """;
    try (var c = dataSource.getConnection();
        var cancel = c.prepareStatement(sql)) {
      cancel.setObject(1, id);
      cancel.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not cancel the children of run " + id, e);
    }
  }
}
