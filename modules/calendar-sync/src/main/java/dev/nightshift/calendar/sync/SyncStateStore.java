package dev.nightshift.calendar.sync;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code calendar.sync_states}: each calendar's position in the provider's change feed. No row
 * locks: the engine runs at most one sync per team at a time, which is what the seed's {@code FOR
 * UPDATE NOWAIT} tried to achieve.
 */
@ApplicationScoped
class SyncStateStore {

  private final DataSource dataSource;

  SyncStateStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  Optional<String> token(UUID calendar) {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT sync_token FROM calendar.sync_states WHERE calendar_id = ?")) {
      query.setObject(1, calendar);
      try (var rs = query.executeQuery()) {
        return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the sync state of " + calendar, e);
    }
  }

  /** Call only once the writes the token covers have committed. */
  void store(UUID calendar, UUID connection, String token) {
    execute(
        "INSERT INTO calendar.sync_states (calendar_id, connection_id, sync_token) VALUES (?, ?, ?)"
            + " ON CONFLICT (calendar_id) DO UPDATE SET sync_token = excluded.sync_token,"
            + " synced_at = now()",
        calendar,
        connection,
        token);
  }

  void clear(UUID calendar) {
    execute("DELETE FROM calendar.sync_states WHERE calendar_id = ?", calendar);
  }

  private void execute(String sql, Object... params) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        update.setObject(i + 1, params[i]);
      }
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write a sync state", e);
    }
  }
}
