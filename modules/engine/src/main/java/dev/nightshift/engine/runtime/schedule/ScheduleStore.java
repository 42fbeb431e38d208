package dev.nightshift.engine.runtime.schedule;

import static dev.nightshift.platform.database.Rows.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.CatchUpPolicy;
import dev.nightshift.engine.DuplicateScheduleException;
import dev.nightshift.engine.OverlapPolicy;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.Schedule;
import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.engine.Schedules;
import dev.nightshift.platform.database.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Rows of {@code engine.schedules}, with their last run read from {@code engine.runs}. */
@ApplicationScoped
class ScheduleStore {

  /** Reads a schedule and the state of its last run; the runs table is not locked. */
  static final String SELECT =
      """
      SELECT s.id, s.task_id, s.team_id, s.cron, s.interval_ms, s.time_zone, s.external_id,
          s.deduplication_key, s.payload::text AS payload, s.overlap, s.catch_up, s.spread_ms,
          s.offset_ms, s.active, s.next_run_at, s.created_at, s.updated_at, s.last_run_id,
          s.last_fired_at, r.status AS run_status, r.started_at AS run_started_at,
          r.finished_at AS run_finished_at,
          CASE WHEN r.status IN ('FAILED', 'TIMED_OUT') THEN coalesce(
              r.attempts -> -1 ->> 'message', r.attempts -> -1 ->> 'type') END AS run_error
      FROM engine.schedules s LEFT JOIN engine.runs r ON r.id = s.last_run_id
      """;

  /** What is written for a new or changed schedule: the definition and what follows from it. */
  record Row(
      UUID id, ScheduleDefinition definition, Duration offset, Instant nextRunAt, String payload) {}

  private static final String WRITE_COLUMNS =
      "task_id, team_id, cron, interval_ms, time_zone, external_id, deduplication_key, payload,"
          + " overlap, catch_up, spread_ms, offset_ms, next_run_at";

  // Only a change of timing moves the next fire time; any other change keeps it.
  private static final String KEEP_OR_MOVE_NEXT =
      "CASE WHEN s.cron IS NOT DISTINCT FROM %1$s.cron"
          + " AND s.interval_ms IS NOT DISTINCT FROM %1$s.interval_ms"
          + " AND s.time_zone = %1$s.time_zone AND s.offset_ms = %1$s.offset_ms"
          + " THEN s.next_run_at ELSE %1$s.next_run_at END";

  private final DataSource dataSource;
  private final ObjectMapper json;

  ScheduleStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  void insert(Row row) {
    String sql =
        "INSERT INTO engine.schedules (id, "
            + WRITE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)";
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, row.id());
      bind(insert, 2, row);
      insert.executeUpdate();
    } catch (SQLException e) {
      throw failure(e, row, "Could not create a schedule");
    }
  }

  /** Inserts, or updates the team's schedule with the row's deduplication key; returns its id. */
  UUID upsert(Row row) {
    String sql =
        "INSERT INTO engine.schedules AS s (id, "
            + WRITE_COLUMNS
            + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (team_id, deduplication_key) WHERE deduplication_key IS NOT NULL"
            + " DO UPDATE SET task_id = excluded.task_id, cron = excluded.cron,"
            + " interval_ms = excluded.interval_ms, time_zone = excluded.time_zone,"
            + " external_id = excluded.external_id, payload = excluded.payload,"
            + " overlap = excluded.overlap, catch_up = excluded.catch_up,"
            + " spread_ms = excluded.spread_ms, offset_ms = excluded.offset_ms,"
            + " next_run_at = "
            + KEEP_OR_MOVE_NEXT.formatted("excluded")
            + ", updated_at = now() RETURNING s.id";
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(sql)) {
      upsert.setObject(1, row.id());
      bind(upsert, 2, row);
      try (var rs = upsert.executeQuery()) {
        rs.next();
        return rs.getObject(1, UUID.class);
      }
    } catch (SQLException e) {
      throw failure(e, row, "Could not ensure a schedule");
    }
  }

  /** Replaces the definition of schedule {@code row.id()}; its team stays. False if missing. */
  boolean update(Row row) {
    String sql =
        "UPDATE engine.schedules s SET task_id = n.task_id, cron = n.cron,"
            + " interval_ms = n.interval_ms, time_zone = n.time_zone, external_id = n.external_id,"
            + " deduplication_key = n.deduplication_key, payload = n.payload, overlap = n.overlap,"
            + " catch_up = n.catch_up, spread_ms = n.spread_ms, offset_ms = n.offset_ms,"
            + " next_run_at = "
            + KEEP_OR_MOVE_NEXT.formatted("n")
            + ", updated_at = now()"
            + " FROM (SELECT ?::text AS task_id, ?::uuid AS team_id, ?::text AS cron,"
            + " ?::bigint AS interval_ms, ?::text AS time_zone, ?::text AS external_id,"
            + " ?::text AS deduplication_key, ?::jsonb AS payload, ?::text AS overlap,"
            + " ?::text AS catch_up, ?::bigint AS spread_ms, ?::bigint AS offset_ms,"
            + " ?::timestamptz AS next_run_at) n WHERE s.id = ?";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      bind(update, 1, row);
      update.setObject(14, row.id());
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw failure(e, row, "Could not update schedule " + row.id());
    }
  }

  boolean delete(UUID id) {
    return execute("DELETE FROM engine.schedules WHERE id = ?", id) == 1;
  }

  /** Pauses, or resumes from {@code nextRunAt}. False if there is no such schedule. */
  boolean setActive(UUID id, boolean active, Instant nextRunAt) {
    String sql =
        "UPDATE engine.schedules SET active = ?, next_run_at = coalesce(?, next_run_at),"
            + " updated_at = now() WHERE id = ?";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setBoolean(1, active);
      update.setTimestamp(2, nextRunAt == null ? null : Timestamp.from(nextRunAt));
      update.setObject(3, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not change schedule " + id, e);
    }
  }

  /** Locks the schedule until the caller's transaction ends, so that its last run is ours. */
  Optional<StoredSchedule> lock(UUID id) {
    return one(SELECT + " WHERE s.id = ? FOR UPDATE OF s", id);
  }

  void recordRun(UUID id, UUID runId, Instant firedAt) {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.schedules SET last_run_id = ?, last_fired_at = ? WHERE id = ?")) {
      update.setObject(1, runId);
      update.setTimestamp(2, Timestamp.from(firedAt));
      update.setObject(3, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the run of schedule " + id, e);
    }
  }

  Optional<StoredSchedule> find(UUID id) {
    return one(SELECT + " WHERE s.id = ?", id);
  }

  List<StoredSchedule> list(Schedules.Filter filter) {
    var where =
        new Conditions()
            .and("s.team_id = ?", filter.teamId())
            .and("s.task_id = ?", filter.task())
            .and("s.external_id = ?", filter.externalId())
            .and("s.id > ?", filter.after());
    String sql = SELECT + where.where() + " ORDER BY s.id LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setInt(where.bind(select), filter.limit());
      return readAll(select);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list schedules", e);
    }
  }

  List<StoredSchedule> readAll(PreparedStatement select) throws SQLException {
    var schedules = new ArrayList<StoredSchedule>();
    try (var rs = select.executeQuery()) {
      while (rs.next()) {
        schedules.add(read(rs));
      }
    }
    return schedules;
  }

  StoredSchedule read(ResultSet rs) throws SQLException {
    long intervalMs = rs.getLong("interval_ms");
    var interval = rs.wasNull() ? null : Duration.ofMillis(intervalMs);
    var runId = rs.getObject("last_run_id", UUID.class);
    Schedule.LastRun lastRun = null;
    if (runId != null) {
      var status = rs.getString("run_status");
      var started = instant(rs, "run_started_at");
      var finished = instant(rs, "run_finished_at");
      lastRun =
          new Schedule.LastRun(
              runId,
              instant(rs, "last_fired_at"),
              status == null ? null : RunStatus.valueOf(status),
              started,
              finished,
              started == null || finished == null ? null : Duration.between(started, finished),
              rs.getString("run_error"));
    }
    return new StoredSchedule(
        rs.getObject("id", UUID.class),
        rs.getString("task_id"),
        rs.getObject("team_id", UUID.class),
        rs.getString("cron"),
        interval,
        rs.getString("time_zone"),
        rs.getString("external_id"),
        rs.getString("deduplication_key"),
        tree(rs.getString("payload")),
        OverlapPolicy.valueOf(rs.getString("overlap").toUpperCase(Locale.ROOT)),
        CatchUpPolicy.valueOf(rs.getString("catch_up").toUpperCase(Locale.ROOT)),
        Duration.ofMillis(rs.getLong("spread_ms")),
        Duration.ofMillis(rs.getLong("offset_ms")),
        rs.getBoolean("active"),
        instant(rs, "next_run_at"),
        instant(rs, "created_at"),
        instant(rs, "updated_at"),
        lastRun);
  }

  private Optional<StoredSchedule> one(String sql, UUID id) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      var found = readAll(select);
      return found.stream().findFirst();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read schedule " + id, e);
    }
  }

  private int execute(String sql, UUID id) {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      statement.setObject(1, id);
      return statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not change schedule " + id, e);
    }
  }

  /** Binds the written columns, in {@link #WRITE_COLUMNS} order, from position {@code first}. */
  private static void bind(PreparedStatement s, int first, Row row) throws SQLException {
    var d = row.definition();
    int i = first;
    s.setString(i++, d.task());
    s.setObject(i++, d.teamId());
    s.setString(i++, d.cron());
    s.setObject(i++, d.interval() == null ? null : d.interval().toMillis(), java.sql.Types.BIGINT);
    s.setString(i++, d.timezone());
    s.setString(i++, d.externalId());
    s.setString(i++, d.deduplicationKey());
    s.setString(i++, row.payload());
    s.setString(i++, d.overlap().name().toLowerCase(Locale.ROOT));
    s.setString(i++, d.catchUp().name().toLowerCase(Locale.ROOT));
    s.setLong(i++, d.spread().toMillis());
    s.setLong(i++, row.offset().toMillis());
    s.setTimestamp(i, Timestamp.from(row.nextRunAt()));
  }

  private static RuntimeException failure(SQLException e, Row row, String message) {
    // 23505: the team already has a schedule with this deduplication key.
    if ("23505".equals(e.getSQLState())) {
      return new DuplicateScheduleException(row.definition().deduplicationKey());
    }
    return new IllegalStateException(message, e);
  }

  private JsonNode tree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
