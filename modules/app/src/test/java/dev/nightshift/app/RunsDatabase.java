package dev.nightshift.app;

import static org.awaitility.Awaitility.await;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The database of nodes under test, read and written over plain JDBC: runs inserted the way the
 * engine inserts them, and the engine's and the self-test tasks' tables as tests check them. Every
 * call opens its own connection, so it works across a database restart.
 */
final class RunsDatabase {

  private static final SecureRandom RANDOM = new SecureRandom();

  private final String url;
  private final String user;
  private final String password;
  private final AtomicLong commits = new AtomicLong();

  RunsDatabase(String url, String user, String password) {
    this.url = url;
    this.user = user;
    this.password = password;
  }

  /** The database a {@code PostgresTestResource} started. */
  static RunsDatabase of(Map<String, String> settings) {
    return new RunsDatabase(
        settings.get("quarkus.datasource.jdbc.url"),
        settings.get("quarkus.datasource.username"),
        settings.get("quarkus.datasource.password"));
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(url, user, password);
  }

  /** The single number that {@code sql} selects. */
  long count(String sql, Object... params) throws SQLException {
    try (var c = connect();
        var query = prepare(c, sql, params);
        var rs = query.executeQuery()) {
      commits.incrementAndGet();
      rs.next();
      return rs.getLong(1);
    }
  }

  /** The first column of every row {@code sql} selects, as run ids. */
  List<UUID> ids(String sql, Object... params) throws SQLException {
    try (var c = connect();
        var query = prepare(c, sql, params);
        var rs = query.executeQuery()) {
      commits.incrementAndGet();
      var ids = new ArrayList<UUID>();
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
      return ids;
    }
  }

  /** Rows of (text, number) that {@code sql} selects, such as counts by status, in order. */
  Map<String, Long> counts(String sql, Object... params) throws SQLException {
    try (var c = connect();
        var query = prepare(c, sql, params);
        var rs = query.executeQuery()) {
      commits.incrementAndGet();
      var counts = new LinkedHashMap<String, Long>();
      while (rs.next()) {
        counts.put(rs.getString(1), rs.getLong(2));
      }
      return counts;
    }
  }

  /** Runs a statement that returns no rows. */
  void execute(String sql, Object... params) throws SQLException {
    try (var c = connect();
        var statement = prepare(c, sql, params)) {
      statement.execute();
      commits.incrementAndGet();
    }
  }

  /** The first column of every row, a number of seconds, as milliseconds in ascending order. */
  double[] sortedMillis(String sql) throws SQLException {
    var values = new ArrayList<Double>();
    try (var c = connect();
        var query = c.prepareStatement(sql);
        var rs = query.executeQuery()) {
      commits.incrementAndGet();
      while (rs.next()) {
        values.add(rs.getDouble(1) * 1000);
      }
    }
    return values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
  }

  /**
   * Waits until no other connection uses the database: a backend reports its last statistics when
   * its connection ends, so counters read afterwards are complete.
   */
  void awaitNoOtherConnection() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () ->
                count(
                        "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                            + " AND pid <> pg_backend_pid()")
                    == 0);
  }

  /** Runs that have not reached a terminal state. */
  long unfinished() throws SQLException {
    return count(
        "SELECT count(*) FROM engine.runs WHERE status IN ('QUEUED', 'EXECUTING', 'WAITING')");
  }

  /**
   * True once no run is queued or executing. Cheap enough to poll while runs drain: each half reads
   * one partial index of {@code engine.runs} and stops at the first entry. (The self-test tasks
   * never wait, so WAITING, which no index covers, is left out; tests assert final statuses.)
   */
  boolean drained() throws SQLException {
    return count(
            "SELECT CASE WHEN EXISTS (SELECT 1 FROM engine.runs WHERE status = 'QUEUED')"
                + " OR EXISTS (SELECT 1 FROM engine.runs WHERE status = 'EXECUTING')"
                + " THEN 0 ELSE 1 END")
        == 1;
  }

  /** Runs by status, such as {@code {COMPLETED=600}}. */
  Map<String, Long> statuses() throws SQLException {
    return counts("SELECT status, count(*) FROM engine.runs GROUP BY status ORDER BY status");
  }

  /**
   * Inserts {@code count} runs of {@code taskId} (whose queue is named like it) through {@code
   * engine.trigger_runs}, as the engine does, {@code chunk} per call. With {@code atomically} all
   * chunks commit together, so workers see every run at once; otherwise each chunk commits on its
   * own and workers start on it while the next is inserted.
   */
  List<UUID> insertRuns(String taskId, String payloadJson, int count, int chunk, boolean atomically)
      throws SQLException {
    var ids = new ArrayList<UUID>(count);
    long millis = System.currentTimeMillis();
    for (int i = 0; i < count; i++) {
      ids.add(timeOrdered(millis, i));
    }
    try (var c = connect()) {
      c.setAutoCommit(!atomically);
      try (var call = c.prepareStatement("SELECT count(*) FROM engine.trigger_runs(?::jsonb)")) {
        for (int from = 0; from < count; from += chunk) {
          var items = new StringBuilder("[");
          for (var id : ids.subList(from, Math.min(count, from + chunk))) {
            if (items.length() > 1) {
              items.append(',');
            }
            items
                .append("{\"id\":\"")
                .append(id)
                .append("\",\"task_id\":\"")
                .append(taskId)
                .append("\",\"queue\":\"")
                .append(taskId)
                .append("\",\"payload\":")
                .append(payloadJson)
                .append(",\"max_attempts\":3}");
          }
          call.setString(1, items.append(']').toString());
          call.executeQuery().close();
          if (!atomically) {
            commits.incrementAndGet();
          }
        }
      }
      if (atomically) {
        c.commit();
        commits.incrementAndGet();
      }
    }
    return ids;
  }

  /** Transactions this database has committed, from its statistics. */
  long committedTransactions() throws SQLException {
    return count("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()");
  }

  /** WAL the whole server has written, in bytes (PostgreSQL 14 and later). */
  long walBytes() throws SQLException {
    return count("SELECT wal_bytes::bigint FROM pg_stat_wal");
  }

  /** Transactions that calls of this object committed, to leave them out of measurements. */
  long ownCommits() {
    return commits.get();
  }

  /**
   * A UUIDv7 for the {@code sequence}-th run inserted at {@code millis}: time first, then the
   * sequence, so a batch sorts in insertion order like the engine's ids do.
   */
  private static UUID timeOrdered(long millis, int sequence) {
    long msb = ((millis + (sequence >>> 12)) << 16) | 0x7000L | (sequence & 0xFFFL);
    long lsb = (RANDOM.nextLong() & 0x3FFF_FFFF_FFFF_FFFFL) | 0x8000_0000_0000_0000L;
    return new UUID(msb, lsb);
  }

  private static PreparedStatement prepare(Connection c, String sql, Object... params)
      throws SQLException {
    var statement = c.prepareStatement(sql);
    for (int i = 0; i < params.length; i++) {
      statement.setObject(i + 1, params[i]);
    }
    return statement;
  }
}
