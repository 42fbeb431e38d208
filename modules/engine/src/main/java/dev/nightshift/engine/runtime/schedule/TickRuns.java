package dev.nightshift.engine.runtime.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Finds the run a tick's key names. {@code engine.trigger_runs} answers a trigger that lost a race
 * for the same key with a null id: it waited for the winner, whose row its own statement cannot
 * see. Replicas ticking at the same instant race exactly like that; a new statement sees the row.
 */
@ApplicationScoped
class TickRuns {

  private final DataSource dataSource;

  TickRuns(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  UUID find(String taskId, String key) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT id FROM engine.runs WHERE task_id = ? AND team_id IS NULL"
                    + " AND idempotency_key = ?")) {
      select.setString(1, taskId);
      select.setString(2, key);
      try (var rs = select.executeQuery()) {
        return rs.next() ? rs.getObject(1, UUID.class) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the run of tick " + key, e);
    }
  }
}
