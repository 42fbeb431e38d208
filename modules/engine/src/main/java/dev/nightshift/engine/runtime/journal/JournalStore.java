package dev.nightshift.engine.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads and writes the steps and waits of runs ({@code engine.run_steps}). */
@ApplicationScoped
public class JournalStore {

  private final DataSource dataSource;
  private final ObjectMapper json;

  JournalStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /** The run's steps and waits, in the order they began. */
  public List<JournalEntry> list(UUID runId) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT key, kind, status, output, wait, attempt, started_at, finished_at"
                    + " FROM engine.run_steps WHERE run_id = ? ORDER BY started_at, key")) {
      select.setObject(1, runId);
      var entries = new ArrayList<JournalEntry>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          entries.add(entry(rs));
        }
      }
      return entries;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the steps of run " + runId, e);
    }
  }

  /** The run's steps and waits by key. */
  Map<String, JournalEntry> byKey(UUID runId) {
    var entries = new LinkedHashMap<String, JournalEntry>();
    list(runId).forEach(entry -> entries.put(entry.key(), entry));
    return entries;
  }

  /**
   * Stores a finished step of attempt {@code attempt}. False when that attempt no longer executes
   * the run (it was canceled, or its lease was lost and another attempt took over): its work must
   * stop. A step another attempt stored first keeps that attempt's result.
   */
  boolean recordStep(UUID runId, int attempt, String key, String output, Instant startedAt) {
    String sql =
        """
        WITH mine AS (
            SELECT id FROM engine.runs WHERE id = ? AND attempt = ? AND status = 'EXECUTING'),
        stored AS (
            INSERT INTO engine.run_steps
                (run_id, key, kind, status, output, attempt, started_at, finished_at)
            SELECT id, ?, 'step', 'COMPLETED', ?::jsonb, ?, ?, now() FROM mine
            ON CONFLICT (run_id, key) DO NOTHING)
        SELECT count(*) FROM mine
        """;
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, runId);
      insert.setInt(2, attempt);
      insert.setString(3, key);
      insert.setString(4, output);
      insert.setInt(5, attempt);
      insert.setTimestamp(6, Timestamp.from(startedAt));
      try (var rs = insert.executeQuery()) {
        rs.next();
        return rs.getInt(1) == 1;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store step '" + key + "' of run " + runId, e);
    }
  }

  /** How the given child runs ended, in the given order. */
  List<ChildOutcome> children(List<UUID> ids) {
    String sql =
        """
        SELECT r.id, r.status, r.output, r.attempts -> -1 ->> 'message'
        FROM unnest(?::uuid[]) WITH ORDINALITY AS c(id, position)
        JOIN engine.runs r ON r.id = c.id
        ORDER BY c.position
        """;
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      var outcomes = new ArrayList<ChildOutcome>(ids.size());
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          outcomes.add(
              new ChildOutcome(
                  rs.getObject(1, UUID.class),
                  RunStatus.valueOf(rs.getString(2)),
                  tree(rs.getString(3)),
                  rs.getString(4)));
        }
      }
      if (outcomes.size() != ids.size()) {
        throw new IllegalStateException("Child runs " + ids + " are gone (pruned by retention?)");
      }
      return outcomes;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read child runs " + ids, e);
    }
  }

  /** A child run that finished. */
  record ChildOutcome(UUID id, RunStatus status, JsonNode output, String error) {}

  private JournalEntry entry(ResultSet rs) throws SQLException {
    return new JournalEntry(
        rs.getString("key"),
        rs.getString("kind"),
        rs.getString("status"),
        tree(rs.getString("output")),
        tree(rs.getString("wait")),
        rs.getInt("attempt"),
        Rows.instant(rs, "started_at"),
        Rows.instant(rs, "finished_at"));
  }

  private JsonNode tree(String text) {
    if (text == null) {
      return null;
    }
    try {
      return json.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable JSON in engine.run_steps", e);
    }
  }
}
