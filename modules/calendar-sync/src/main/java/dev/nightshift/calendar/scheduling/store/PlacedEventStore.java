package dev.nightshift.calendar.scheduling.store;

import dev.nightshift.calendar.scheduling.BusyTime;
import dev.nightshift.calendar.scheduling.Placement;
import dev.nightshift.platform.database.Ids;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The side of {@code calendar.events} that schedule-tasks reads and writes: busy time, and the
 * events it places (provider {@code nightshift}, calendar {@code tasks}, unlocked, external id
 * {@code <taskId>:<schedulingRunId>:<k>}).
 *
 * <p>A re-run replaces a task's earlier placements that have not started yet; placements already
 * under way and any the user locked stay, and count as busy time. The external id names the
 * scheduling run so that a kept placement never collides with a new one of the same chunk number.
 */
@ApplicationScoped
public class PlacedEventStore {

  public static final String PROVIDER = "nightshift";
  public static final String CALENDAR = "tasks";

  /** Earlier placements of the listed tasks that a re-run replaces: not locked, not started. */
  private static final String REPLACED =
      "provider = 'nightshift' AND external_calendar_id = 'tasks' AND NOT locked"
          + " AND start_at > ? AND split_part(external_id, ':', 1) = ANY (?)";

  private final DataSource dataSource;

  PlacedEventStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * The team's events overlapping [from, to), less the placements of {@code taskIds} that this
   * scheduling replaces. All-day events are left out: they mark days (holidays, birthdays) rather
   * than take hours, as calendars show them free by default.
   */
  public List<BusyTime> busy(
      UUID team, Instant from, Instant to, Instant now, Collection<String> taskIds) {
    var sql =
        "SELECT start_at, end_at FROM calendar.events WHERE team_id = ? AND start_at < ?"
            + " AND end_at > ? AND NOT all_day AND NOT ("
            + REPLACED
            + ") ORDER BY start_at, end_at";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setObject(1, team);
      query.setTimestamp(2, Timestamp.from(to));
      query.setTimestamp(3, Timestamp.from(from));
      query.setTimestamp(4, Timestamp.from(now));
      query.setArray(5, c.createArrayOf("text", taskIds.toArray()));
      var busy = new ArrayList<BusyTime>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          busy.add(
              new BusyTime(
                  rs.getTimestamp("start_at").toInstant(), rs.getTimestamp("end_at").toInstant()));
        }
      }
      return busy;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the busy time of team " + team, e);
    }
  }

  /**
   * Deletes the placements of {@code taskIds} that the new ones replace and inserts the new ones,
   * in the caller's transaction.
   *
   * @param titles task titles by task id
   * @return how many earlier placements were deleted
   */
  public int replace(
      UUID team,
      UUID schedulingId,
      Instant now,
      Collection<String> taskIds,
      List<Placement> placements,
      Map<String, String> titles,
      ZoneId zone) {
    try (var c = dataSource.getConnection()) {
      int deleted = delete(c, team, now, taskIds);
      insert(c, team, schedulingId, placements, titles, zone);
      return deleted;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not place the tasks of team " + team, e);
    }
  }

  private static int delete(Connection c, UUID team, Instant now, Collection<String> taskIds)
      throws SQLException {
    try (var delete =
        c.prepareStatement("DELETE FROM calendar.events WHERE team_id = ? AND " + REPLACED)) {
      delete.setObject(1, team);
      delete.setTimestamp(2, Timestamp.from(now));
      delete.setArray(3, c.createArrayOf("text", taskIds.toArray()));
      return delete.executeUpdate();
    }
  }

  private static void insert(
      Connection c,
      UUID team,
      UUID schedulingId,
      List<Placement> placements,
      Map<String, String> titles,
      ZoneId zone)
      throws SQLException {
    var sql =
        "INSERT INTO calendar.events (id, team_id, provider, external_calendar_id, external_id,"
            + " title, start_at, end_at, time_zone, locked) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?,"
            + " false)";
    try (var insert = c.prepareStatement(sql)) {
      for (var p : placements) {
        var title = titles.get(p.taskId());
        insert.setObject(1, Ids.next());
        insert.setObject(2, team);
        insert.setString(3, PROVIDER);
        insert.setString(4, CALENDAR);
        insert.setString(5, p.taskId() + ":" + schedulingId + ":" + p.chunk());
        insert.setString(
            6, p.chunks() == 1 ? title : title + " (" + p.chunk() + "/" + p.chunks() + ")");
        insert.setTimestamp(7, Timestamp.from(p.start()));
        insert.setTimestamp(8, Timestamp.from(p.end()));
        insert.setString(9, zone.getId());
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }
}
