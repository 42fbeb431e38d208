package dev.nightshift.engine.runtime.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import javax.sql.DataSource;

/**
 * Moves the engine's time forward for tests. The engine compares stored instants with the
 * database's {@code now()}, so moving every unfinished run's instants back by {@code d} is, for the
 * engine, the same as {@code d} passing.
 */
@ApplicationScoped
public class RunClock {

  private final DataSource dataSource;

  RunClock(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void advance(Duration duration) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                """
                UPDATE engine.runs SET
                    run_at = run_at - ?, expires_at = expires_at - ?,
                    idempotency_expires_at = idempotency_expires_at - ?,
                    lease_expires_at = lease_expires_at - ?, created_at = created_at - ?,
                    wait_until = wait_until - ?
                WHERE finished_at IS NULL OR idempotency_expires_at IS NOT NULL
                """)) {
      var interval = RunLeases.interval(duration);
      for (int i = 1; i <= 6; i++) {
        update.setObject(i, interval);
      }
      update.executeUpdate();
    }
  }
}
