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
   * Cancels an unfinished run at once; the worker executing it, if any, is told through {@code
   * nightshift_cancel} and finds out at its next heartbeat at the latest. False if it had finished.
   */
  public boolean cancel(UUID id) {
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
}
