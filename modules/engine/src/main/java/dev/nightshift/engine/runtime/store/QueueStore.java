package dev.nightshift.engine.runtime.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/** Queues in {@code engine.queues}: their limits and whether they are paused. */
@ApplicationScoped
public class QueueStore {

  /** A queue with what waits in it and what executes. */
  public record QueueView(
      String name,
      Integer concurrencyLimit,
      Integer queueLimit,
      boolean paused,
      long queued,
      long executing) {}

  private final DataSource dataSource;

  QueueStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Records the deployed tasks' limits; a paused queue stays paused. */
  public void define(Map<String, QueueLimits> limits) {
    String sql =
        "INSERT INTO engine.queues (name, concurrency_limit, queue_limit)"
            + " SELECT * FROM unnest(?::text[], ?::int[], ?::int[])"
            + " ON CONFLICT (name) DO UPDATE SET concurrency_limit = excluded.concurrency_limit,"
            + " queue_limit = excluded.queue_limit, updated_at = now()"
            + " WHERE (queues.concurrency_limit, queues.queue_limit)"
            + " IS DISTINCT FROM (excluded.concurrency_limit, excluded.queue_limit)";
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(sql)) {
      var names = limits.keySet().toArray(String[]::new);
      var concurrencyLimits = new Integer[names.length];
      var queueLimits = new Integer[names.length];
      for (int i = 0; i < names.length; i++) {
        var queue = limits.get(names[i]);
        concurrencyLimits[i] = orNull(queue.concurrencyLimit());
        queueLimits[i] = orNull(queue.queueLimit());
      }
      upsert.setArray(1, c.createArrayOf("text", names));
      upsert.setArray(2, c.createArrayOf("int4", concurrencyLimits));
      upsert.setArray(3, c.createArrayOf("int4", queueLimits));
      upsert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the queues", e);
    }
  }

  /** Pauses or resumes a queue; false if there is no such queue. */
  public boolean setPaused(String name, boolean paused) {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.queues SET paused = ?, updated_at = now() WHERE name = ?")) {
      update.setBoolean(1, paused);
      update.setString(2, name);
      boolean found = update.executeUpdate() == 1;
      if (found && !paused) {
        try (var notify = c.prepareStatement("SELECT pg_notify('nightshift_runs', ?)")) {
          notify.setString(1, name);
          notify.execute();
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not pause or resume queue " + name, e);
    }
  }

  public List<QueueView> list() {
    String sql =
        "SELECT q.name, q.concurrency_limit, q.queue_limit, q.paused,"
            + " (SELECT count(*) FROM engine.runs r WHERE r.status = 'QUEUED' AND r.queue = q.name),"
            + " (SELECT count(*) FROM engine.runs r WHERE r.status = 'EXECUTING' AND r.queue = q.name)"
            + " FROM engine.queues q ORDER BY q.name";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql);
        var rs = select.executeQuery()) {
      var queues = new ArrayList<QueueView>();
      while (rs.next()) {
        queues.add(
            new QueueView(
                rs.getString(1),
                rs.getObject(2, Integer.class),
                rs.getObject(3, Integer.class),
                rs.getBoolean(4),
                rs.getLong(5),
                rs.getLong(6)));
      }
      return queues;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list queues", e);
    }
  }

  /** The column's NULL stands for 0, no limit. */
  private static Integer orNull(int limit) {
    return limit == 0 ? null : limit;
  }
}
