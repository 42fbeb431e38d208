package dev.nightshift.engine.runtime.store;

import dev.nightshift.engine.TriggerResult;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Inserts runs through {@code engine.trigger_runs}: any number in one round trip. */
@ApplicationScoped
public class RunInserts {

  private final DataSource dataSource;

  RunInserts(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Inserts the runs described by {@code items}, a JSON array in the shape {@code
   * engine.trigger_runs} reads; results in the same order. Joins the caller's transaction.
   */
  public List<TriggerResult> insert(String items, int count) {
    try (var c = dataSource.getConnection();
        var call = c.prepareStatement("SELECT id, cached FROM engine.trigger_runs(?::jsonb)")) {
      call.setString(1, items);
      var results = new ArrayList<TriggerResult>(count);
      try (var rs = call.executeQuery()) {
        while (rs.next()) {
          results.add(new TriggerResult(rs.getObject(1, UUID.class), rs.getBoolean(2)));
        }
      }
      return results;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not insert runs", e);
    }
  }

  /** The root of {@code run}'s tree, which its children share. */
  public UUID rootOf(UUID run) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement("SELECT root_id FROM engine.runs WHERE id = ?")) {
      select.setObject(1, run);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("Run " + run + " does not exist");
        }
        return rs.getObject(1, UUID.class);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read run " + run, e);
    }
  }
}
