package dev.nightshift.engine.runtime.schedule;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Claims due schedules and moves them on. Both join the caller's transaction: the claim's row locks
 * hold until the runs are triggered and the schedules advanced, so no other node fires them.
 */
@ApplicationScoped
class DueSchedules {

  /** Due schedules, claimed, and the database's time that decides what is due. */
  record Claim(Instant now, List<StoredSchedule> schedules) {}

  /** A claimed schedule's new next fire time, and the run it triggered (both may be null). */
  record Advance(UUID id, Instant next, UUID runId, Instant firedAt) {}

  private final DataSource dataSource;
  private final ScheduleStore store;

  DueSchedules(DataSource dataSource, ScheduleStore store) {
    this.dataSource = dataSource;
    this.store = store;
  }

  Claim claim(int limit) throws SQLException {
    try (var c = dataSource.getConnection()) {
      Instant now;
      try (var clock = c.prepareStatement("SELECT now()");
          var rs = clock.executeQuery()) {
        rs.next();
        now = rs.getObject(1, OffsetDateTime.class).toInstant();
      }
      try (var select =
          c.prepareStatement(
              ScheduleStore.SELECT
                  + " WHERE s.active AND s.next_run_at <= ? ORDER BY s.next_run_at LIMIT ?"
                  + " FOR UPDATE OF s SKIP LOCKED")) {
        select.setTimestamp(1, Timestamp.from(now));
        select.setInt(2, limit);
        return new Claim(now, store.readAll(select));
      }
    }
  }

  /**
   * A schedule whose cron never fires again ({@code next} null) is paused, keeping its last time.
   */
  void advance(List<Advance> advances) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                """
                UPDATE engine.schedules s SET
                    next_run_at = coalesce(a.next, s.next_run_at), active = a.next IS NOT NULL,
                    last_run_id = coalesce(a.run_id, s.last_run_id),
                    last_fired_at = coalesce(a.fired_at, s.last_fired_at)
                FROM unnest(?::uuid[], ?::timestamptz[], ?::uuid[], ?::timestamptz[])
                    AS a(id, next, run_id, fired_at)
                WHERE s.id = a.id
                """)) {
      int n = advances.size();
      var ids = new Object[n];
      var next = new Object[n];
      var runs = new Object[n];
      var fired = new Object[n];
      for (int i = 0; i < n; i++) {
        var a = advances.get(i);
        ids[i] = a.id();
        next[i] = a.next() == null ? null : Timestamp.from(a.next());
        runs[i] = a.runId();
        fired[i] = a.firedAt() == null ? null : Timestamp.from(a.firedAt());
      }
      update.setArray(1, c.createArrayOf("uuid", ids));
      update.setArray(2, c.createArrayOf("timestamptz", next));
      update.setArray(3, c.createArrayOf("uuid", runs));
      update.setArray(4, c.createArrayOf("timestamptz", fired));
      update.executeUpdate();
    }
  }
}
