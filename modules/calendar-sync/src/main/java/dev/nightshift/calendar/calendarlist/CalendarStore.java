package dev.nightshift.calendar.calendarlist;

import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Statements;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code calendar.calendars}. Every write joins the caller's transaction. */
@ApplicationScoped
public class CalendarStore {

  private static final String COLUMNS =
      "id, team_id, connection_id, external_id, name, time_zone, access_role, enabled,"
          + " sync_inbound, sync_deletes";

  private final DataSource dataSource;

  CalendarStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Adds the calendars the provider lists that the connection does not have yet (enabled, with
   * inbound and delete sync on) and refreshes the name, time zone and role of those it has. A
   * calendar the provider no longer lists stays, with its events, until the connection is deleted.
   */
  public void merge(UUID team, UUID connection, List<RemoteCalendar> remote) {
    var sql =
        "INSERT INTO calendar.calendars (id, team_id, connection_id, external_id, name,"
            + " time_zone, access_role) VALUES (?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (connection_id, external_id) DO UPDATE SET name = excluded.name,"
            + " time_zone = excluded.time_zone, access_role = excluded.access_role,"
            + " updated_at = now()"
            + " WHERE (calendars.name, calendars.time_zone, calendars.access_role)"
            + " IS DISTINCT FROM (excluded.name, excluded.time_zone, excluded.access_role)";
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      for (var calendar : remote) {
        insert.setObject(1, Ids.next());
        insert.setObject(2, team);
        insert.setObject(3, connection);
        insert.setString(4, calendar.externalId());
        insert.setString(5, calendar.name() == null ? calendar.externalId() : calendar.name());
        insert.setString(6, calendar.timeZone());
        insert.setString(7, calendar.accessRole());
        insert.addBatch();
      }
      insert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store a connection's calendars", e);
    }
    removeUnlisted(connection, remote);
  }

  /**
   * A calendar the provider no longer lists (unsubscribed, deleted, no longer shared) goes, and its
   * events, sync state and channels with it: nothing of it is visible at the source any more.
   */
  private void removeUnlisted(UUID connection, List<RemoteCalendar> remote) {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM calendar.calendars WHERE connection_id = ?"
                    + " AND NOT (external_id = ANY (?))")) {
      delete.setObject(1, connection);
      delete.setArray(
          2, c.createArrayOf("text", remote.stream().map(RemoteCalendar::externalId).toArray()));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not remove calendars the provider no longer lists", e);
    }
  }

  public Optional<ConnectedCalendar> find(UUID id) {
    var found = query("SELECT " + COLUMNS + " FROM calendar.calendars WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  /** A connection's calendars, in the order they were added. */
  public List<ConnectedCalendar> of(UUID connection) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM calendar.calendars WHERE connection_id = ? ORDER BY created_at, id",
        connection);
  }

  /** Changes the flags that are given (non-null); returns the calendar as it is now. */
  public Optional<ConnectedCalendar> change(
      UUID id, Boolean enabled, Boolean syncInbound, Boolean syncDeletes) {
    var found =
        query(
            "UPDATE calendar.calendars SET enabled = coalesce(?::boolean, enabled),"
                + " sync_inbound = coalesce(?::boolean, sync_inbound),"
                + " sync_deletes = coalesce(?::boolean, sync_deletes), updated_at = now()"
                + " WHERE id = ? RETURNING "
                + COLUMNS,
            enabled,
            syncInbound,
            syncDeletes,
            id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  private List<ConnectedCalendar> query(String sql, Object... params) {
    return Statements.list(dataSource, "read calendars", sql, CalendarStore::read, params);
  }

  private static ConnectedCalendar read(ResultSet rs) throws SQLException {
    return new ConnectedCalendar(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getString("external_id"),
        rs.getString("name"),
        rs.getString("time_zone"),
        rs.getString("access_role"),
        rs.getBoolean("enabled"),
        rs.getBoolean("sync_inbound"),
        rs.getBoolean("sync_deletes"));
  }
}
