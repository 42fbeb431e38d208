package dev.nightshift.calendar.sync;

import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code calendar.sync_log}. Every write joins the caller's transaction. */
@ApplicationScoped
public class SyncLogStore {

  private static final String COLUMNS =
      "id, connection_id, run_id, type, trigger, status, started_at, ended_at, inserted, updated,"
          + " deleted, pages, api_calls, fell_back, error";
  private static final int MAX_ERROR = 2_000;

  private final DataSource dataSource;

  SyncLogStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** A RUNNING line; returns its id. */
  UUID started(UUID team, UUID connection, UUID runId, SyncType type, SyncTrigger trigger) {
    var id = Ids.next();
    execute(
        "INSERT INTO calendar.sync_log (id, team_id, connection_id, run_id, type, trigger)"
            + " VALUES (?, ?, ?, ?, ?, ?)",
        id,
        team,
        connection,
        runId,
        type.name(),
        trigger.name());
    return id;
  }

  /** Ends the line SUCCEEDED, or FAILED when {@code error} is given. */
  void ended(UUID id, Counts counts, String error) {
    execute(
        "UPDATE calendar.sync_log SET status = ?, ended_at = clock_timestamp(), inserted = ?,"
            + " updated = ?, deleted = ?, pages = ?, api_calls = ?, fell_back = ?, error = ?"
            + " WHERE id = ?",
        error == null ? "SUCCEEDED" : "FAILED",
        counts.inserted(),
        counts.updated(),
        counts.deleted(),
        counts.pages(),
        counts.apiCalls(),
        counts.fellBack(),
        error == null ? null : error.substring(0, Math.min(error.length(), MAX_ERROR)),
        id);
  }

  /** A connection's lines, newest first. */
  public List<SyncLogEntry> of(UUID connection, Cursor after, int limit) {
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM calendar.sync_log WHERE connection_id = ?"
            + (after == null ? "" : " AND (started_at, id) < (?, ?)")
            + " ORDER BY started_at DESC, id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      int i = 1;
      query.setObject(i++, connection);
      if (after != null) {
        query.setTimestamp(i++, Timestamp.from(after.createdAt()));
        query.setObject(i++, after.id());
      }
      query.setInt(i, limit);
      var result = new ArrayList<SyncLogEntry>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the sync log", e);
    }
  }

  private void execute(String sql, Object... params) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        update.setObject(i + 1, params[i]);
      }
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not write the sync log", e);
    }
  }

  private static SyncLogEntry read(ResultSet rs) throws SQLException {
    return new SyncLogEntry(
        rs.getObject("id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getObject("run_id", UUID.class),
        SyncType.valueOf(rs.getString("type")),
        SyncTrigger.valueOf(rs.getString("trigger")),
        rs.getString("status"),
        Rows.instant(rs, "started_at"),
        Rows.instant(rs, "ended_at"),
        rs.getInt("inserted"),
        rs.getInt("updated"),
        rs.getInt("deleted"),
        rs.getInt("pages"),
        rs.getInt("api_calls"),
        rs.getBoolean("fell_back"),
        rs.getString("error"));
  }
}
