package dev.nightshift.calendar.event;

import dev.nightshift.calendar.calendarlist.ConnectedCalendar;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code calendar.events}, keyed by (team, provider, external calendar id, external id). Writes go
 * in statements of {@code batchSize} rows, one round trip each, and join the caller's transaction.
 */
@ApplicationScoped
public class EventStore {

  // Rows arrive as one array per column and are unnested: one statement per batch, whatever its
  // size. An update that would change nothing is skipped, so "updated" counts real changes.
  private static final String UPSERT =
      "INSERT INTO calendar.events AS e (id, team_id, calendar_id, provider,"
          + " external_calendar_id, external_id, title, description, location, start_at, end_at,"
          + " all_day, time_zone, status, external_updated_at, synced_at)"
          + " SELECT u.id, ?, ?, ?, ?, u.external_id, u.title, u.description, u.location,"
          + " u.start_at, u.end_at, u.all_day, u.time_zone, u.status, u.external_updated_at, now()"
          + " FROM unnest(?::uuid[], ?::text[], ?::text[], ?::text[], ?::text[],"
          + " ?::timestamptz[], ?::timestamptz[], ?::boolean[], ?::text[], ?::text[],"
          + " ?::timestamptz[]) AS u(id, external_id, title, description, location, start_at,"
          + " end_at, all_day, time_zone, status, external_updated_at)"
          + " ON CONFLICT (team_id, provider, external_calendar_id, external_id) DO UPDATE SET"
          + " calendar_id = excluded.calendar_id, title = excluded.title,"
          + " description = excluded.description, location = excluded.location,"
          + " start_at = excluded.start_at, end_at = excluded.end_at, all_day = excluded.all_day,"
          + " time_zone = excluded.time_zone, status = excluded.status,"
          + " external_updated_at = excluded.external_updated_at, synced_at = now(),"
          + " updated_at = now()"
          + " WHERE (e.calendar_id, e.title, e.description, e.location, e.start_at, e.end_at,"
          + " e.all_day, e.time_zone, e.status, e.external_updated_at) IS DISTINCT FROM"
          + " (excluded.calendar_id, excluded.title, excluded.description, excluded.location,"
          + " excluded.start_at, excluded.end_at, excluded.all_day, excluded.time_zone,"
          + " excluded.status, excluded.external_updated_at)"
          + " RETURNING (xmax = 0) AS inserted";

  private static final String COLUMNS =
      "id, calendar_id, provider, external_calendar_id, external_id, title, description,"
          + " location, start_at, end_at, all_day, time_zone, status, locked,"
          + " external_updated_at, synced_at";

  private final DataSource dataSource;

  EventStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Inserts or updates the calendar's events; of one external id given twice, the last wins. */
  public Written upsert(
      ConnectedCalendar calendar, ProviderName provider, List<EventRow> rows, int batchSize) {
    var unique = new LinkedHashMap<String, EventRow>();
    rows.forEach(row -> unique.put(row.externalId(), row));
    var all = List.copyOf(unique.values());
    int inserted = 0;
    int updated = 0;
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(UPSERT)) {
      for (int from = 0; from < all.size(); from += batchSize) {
        var batch = all.subList(from, Math.min(all.size(), from + batchSize));
        bind(c, upsert, calendar, provider, batch);
        try (var rs = upsert.executeQuery()) {
          while (rs.next()) {
            if (rs.getBoolean(1)) {
              inserted++;
            } else {
              updated++;
            }
          }
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the events of " + calendar.id(), e);
    }
    return new Written(inserted, updated, 0);
  }

  /** Deletes the calendar's events with these external ids; returns how many there were. */
  public int deleteByExternalIds(
      ConnectedCalendar calendar, ProviderName provider, List<String> externalIds, int batchSize) {
    int deleted = 0;
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM calendar.events WHERE team_id = ? AND provider = ?"
                    + " AND external_calendar_id = ? AND external_id = ANY (?)")) {
      for (int from = 0; from < externalIds.size(); from += batchSize) {
        var batch = externalIds.subList(from, Math.min(externalIds.size(), from + batchSize));
        delete.setObject(1, calendar.teamId());
        delete.setString(2, provider.wire());
        delete.setString(3, calendar.externalId());
        delete.setArray(4, c.createArrayOf("text", batch.toArray()));
        deleted += delete.executeUpdate();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete events of " + calendar.id(), e);
    }
    return deleted;
  }

  /**
   * After a snapshot (a feed lists every event of the window): deletes the calendar's events that
   * overlap the window and that the snapshot did not name.
   */
  public int deleteMissing(
      ConnectedCalendar calendar, Instant from, Instant to, Collection<String> present) {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM calendar.events WHERE calendar_id = ? AND start_at < ?"
                    + " AND end_at > ? AND external_id <> ALL (?)")) {
      delete.setObject(1, calendar.id());
      delete.setTimestamp(2, Timestamp.from(to));
      delete.setTimestamp(3, Timestamp.from(from));
      delete.setArray(4, c.createArrayOf("text", present.toArray()));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete events gone from " + calendar.id(), e);
    }
  }

  /**
   * A team's events that overlap [{@code from}, {@code to}), by start time; page with {@code after}
   * (the start and id of the last event of the previous page).
   */
  public List<CalendarEvent> overlapping(
      UUID team, Instant from, Instant to, Cursor after, int limit) {
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM calendar.events WHERE team_id = ? AND start_at < ? AND end_at > ?"
            + (after == null ? "" : " AND (start_at, id) > (?, ?)")
            + " ORDER BY start_at, id LIMIT ?";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      int i = 1;
      query.setObject(i++, team);
      query.setTimestamp(i++, Timestamp.from(to));
      query.setTimestamp(i++, Timestamp.from(from));
      if (after != null) {
        query.setTimestamp(i++, Timestamp.from(after.createdAt()));
        query.setObject(i++, after.id());
      }
      query.setInt(i, limit);
      var result = new ArrayList<CalendarEvent>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          result.add(read(rs));
        }
      }
      return result;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list events", e);
    }
  }

  private static void bind(
      Connection c,
      PreparedStatement upsert,
      ConnectedCalendar calendar,
      ProviderName provider,
      List<EventRow> batch)
      throws SQLException {
    int n = batch.size();
    var ids = new UUID[n];
    var externalIds = new String[n];
    var titles = new String[n];
    var descriptions = new String[n];
    var locations = new String[n];
    var starts = new Timestamp[n];
    var ends = new Timestamp[n];
    var allDay = new Boolean[n];
    var zones = new String[n];
    var statuses = new String[n];
    var updated = new Timestamp[n];
    for (int i = 0; i < n; i++) {
      var row = batch.get(i);
      ids[i] = Ids.next();
      externalIds[i] = row.externalId();
      titles[i] = row.title();
      descriptions[i] = row.description();
      locations[i] = row.location();
      starts[i] = Timestamp.from(row.start());
      ends[i] = Timestamp.from(row.end());
      allDay[i] = row.allDay();
      zones[i] = row.timeZone();
      statuses[i] = row.status();
      updated[i] = row.externalUpdatedAt() == null ? null : Timestamp.from(row.externalUpdatedAt());
    }
    upsert.setObject(1, calendar.teamId());
    upsert.setObject(2, calendar.id());
    upsert.setString(3, provider.wire());
    upsert.setString(4, calendar.externalId());
    upsert.setArray(5, c.createArrayOf("uuid", ids));
    upsert.setArray(6, c.createArrayOf("text", externalIds));
    upsert.setArray(7, c.createArrayOf("text", titles));
    upsert.setArray(8, c.createArrayOf("text", descriptions));
    upsert.setArray(9, c.createArrayOf("text", locations));
    upsert.setArray(10, c.createArrayOf("timestamptz", starts));
    upsert.setArray(11, c.createArrayOf("timestamptz", ends));
    upsert.setArray(12, c.createArrayOf("boolean", allDay));
    upsert.setArray(13, c.createArrayOf("text", zones));
    upsert.setArray(14, c.createArrayOf("text", statuses));
    upsert.setArray(15, c.createArrayOf("timestamptz", updated));
  }

  private static CalendarEvent read(ResultSet rs) throws SQLException {
    return new CalendarEvent(
        rs.getObject("id", UUID.class),
        rs.getObject("calendar_id", UUID.class),
        rs.getString("provider"),
        rs.getString("external_calendar_id"),
        rs.getString("external_id"),
        rs.getString("title"),
        rs.getString("description"),
        rs.getString("location"),
        Rows.instant(rs, "start_at"),
        Rows.instant(rs, "end_at"),
        rs.getBoolean("all_day"),
        rs.getString("time_zone"),
        rs.getString("status"),
        rs.getBoolean("locked"),
        Rows.instant(rs, "external_updated_at"),
        Rows.instant(rs, "synced_at"));
  }
}
