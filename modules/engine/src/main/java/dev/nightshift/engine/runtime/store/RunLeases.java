package dev.nightshift.engine.runtime.store;

import static dev.nightshift.platform.database.Rows.instant;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.postgresql.util.PGInterval;

/** Claiming runs for a worker and keeping their leases alive. */
@ApplicationScoped
public class RunLeases {

  private final DataSource dataSource;

  RunLeases(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Leases up to {@code limit} due runs to {@code worker} (see {@code engine.claim_runs}). */
  public List<ClaimedRun> claim(String worker, int limit, Duration lease) throws SQLException {
    try (var c = dataSource.getConnection();
        var call =
            c.prepareStatement(
                "SELECT id, task_id, payload, attempt, max_attempts, team_id, trace_parent, run_at,"
                    + " started_at FROM engine.claim_runs(?, ?, ?)")) {
      call.setString(1, worker);
      call.setInt(2, limit);
      call.setObject(3, interval(lease));
      var runs = new ArrayList<ClaimedRun>(limit);
      try (var rs = call.executeQuery()) {
        while (rs.next()) {
          runs.add(
              new ClaimedRun(
                  rs.getObject(1, UUID.class),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getInt(4),
                  rs.getInt(5),
                  rs.getObject(6, UUID.class),
                  rs.getString(7),
                  instant(rs, "run_at"),
                  instant(rs, "started_at")));
        }
      }
      return runs;
    }
  }

  /**
   * Extends the leases of {@code runs} that {@code worker} still holds and returns those: a run
   * missing from the answer was canceled or given to another worker, and must stop here.
   */
  public Set<UUID> renew(String worker, Collection<UUID> runs, Duration lease) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.runs SET lease_expires_at = now() + ? WHERE id = ANY (?)"
                    + " AND status = 'EXECUTING' AND lease_owner = ? RETURNING id")) {
      update.setObject(1, interval(lease));
      update.setArray(2, c.createArrayOf("uuid", runs.toArray()));
      update.setString(3, worker);
      var held = new HashSet<UUID>();
      try (var rs = update.executeQuery()) {
        while (rs.next()) {
          held.add(rs.getObject(1, UUID.class));
        }
      }
      return held;
    }
  }

  /**
   * Gives runs this worker still holds back to the queue without counting the interrupted attempt,
   * for a graceful shutdown.
   */
  public void release(String worker, Collection<UUID> runs) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.runs SET status = 'QUEUED', attempt = attempt - 1, run_at = now(),"
                    + " lease_owner = NULL, lease_expires_at = NULL, updated_at = now()"
                    + " WHERE id = ANY (?) AND status = 'EXECUTING' AND lease_owner = ?")) {
      update.setArray(1, c.createArrayOf("uuid", runs.toArray()));
      update.setString(2, worker);
      update.executeUpdate();
    }
  }

  static PGInterval interval(Duration duration) throws SQLException {
    return new PGInterval(0, 0, 0, 0, 0, duration.toMillis() / 1000.0);
  }
}
