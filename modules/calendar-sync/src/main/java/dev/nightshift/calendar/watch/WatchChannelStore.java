package dev.nightshift.calendar.watch;

import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code calendar.watch_channels}. Every write joins the caller's transaction. */
@ApplicationScoped
public class WatchChannelStore {

  private static final String COLUMNS = "id, connection_id, calendar_id, resource_id, expires_at";

  private final DataSource dataSource;

  WatchChannelStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  void insert(WatchChannel channel) {
    execute(
        "INSERT INTO calendar.watch_channels (id, connection_id, calendar_id, resource_id,"
            + " expires_at) VALUES (?, ?, ?, ?, ?)",
        channel.id(),
        channel.connectionId(),
        channel.calendarId(),
        channel.resourceId(),
        Timestamp.from(channel.expiresAt()));
  }

  void delete(String id) {
    execute("DELETE FROM calendar.watch_channels WHERE id = ?", id);
  }

  /** A connection's channels, latest expiry first. */
  List<WatchChannel> of(UUID connection) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM calendar.watch_channels WHERE connection_id = ? ORDER BY expires_at DESC, id",
        connection);
  }

  /**
   * Active Google connections with a synced calendar that has no channel living past {@code
   * horizon}: those whose channels are about to expire, and those that never got one (opened before
   * a push URL was set, or Google refused the last try).
   */
  List<UUID> connectionsToRenew(Instant horizon) {
    var sql =
        "SELECT DISTINCT k.connection_id FROM calendar.calendars k"
            + " JOIN calendar.connections c ON c.id = k.connection_id"
            + " WHERE c.provider = 'google' AND c.active AND k.enabled AND k.sync_inbound"
            + " AND NOT EXISTS (SELECT 1 FROM calendar.watch_channels w"
            + " WHERE w.calendar_id = k.id AND w.expires_at > ?)";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setTimestamp(1, Timestamp.from(horizon));
      var result = new ArrayList<UUID>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(rs.getObject(1, UUID.class));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read watch channels", e);
    }
  }

  /** Forgets channels Google has already ended; stopping them would be refused. */
  int deleteExpired(Instant now) {
    return execute("DELETE FROM calendar.watch_channels WHERE expires_at < ?", Timestamp.from(now));
  }

  private List<WatchChannel> query(String sql, Object... params) {
    return Statements.list(dataSource, "read watch channels", sql, WatchChannelStore::read, params);
  }

  private int execute(String sql, Object... params) {
    return Statements.update(dataSource, "write a watch channel", sql, params);
  }

  private static WatchChannel read(ResultSet rs) throws SQLException {
    return new WatchChannel(
        rs.getString("id"),
        rs.getObject("connection_id", UUID.class),
        rs.getObject("calendar_id", UUID.class),
        rs.getString("resource_id"),
        Rows.instant(rs, "expires_at"));
  }
}
