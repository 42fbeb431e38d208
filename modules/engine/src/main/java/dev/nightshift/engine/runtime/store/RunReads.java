package dev.nightshift.engine.runtime.store;

import static dev.nightshift.platform.database.Rows.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.platform.database.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** Reads runs for the API. */
@ApplicationScoped
public class RunReads {

  private static final String COLUMNS =
      "id, task_id, queue, status, team_id, payload, output, attempts, attempt, max_attempts,"
          + " priority, tags, metadata, progress, idempotency_key, concurrency_key, parent_id,"
          + " root_id, created_at, run_at, started_at, finished_at, expires_at";

  private final DataSource dataSource;
  private final ObjectMapper json;

  RunReads(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  public Optional<RunView> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement("SELECT " + COLUMNS + " FROM engine.runs WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read run " + id, e);
    }
  }

  public List<RunView> list(RunFilter filter) {
    var where =
        new Conditions()
            .and("team_id = ?", filter.teamId())
            .and("task_id = ?", filter.taskId())
            .and("status = ?", filter.status() == null ? null : filter.status().name())
            .and("tags @> ARRAY[?]::text[]", filter.tag())
            .and(
                "created_at >= ?",
                filter.createdFrom() == null ? null : Timestamp.from(filter.createdFrom()))
            .and(
                "created_at < ?",
                filter.createdTo() == null ? null : Timestamp.from(filter.createdTo()))
            .and("id < ?", filter.before());
    String sql =
        "SELECT " + COLUMNS + " FROM engine.runs" + where.where() + " ORDER BY id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setInt(where.bind(select), filter.limit());
      var runs = new ArrayList<RunView>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          runs.add(read(rs));
        }
      }
      return runs;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list runs", e);
    }
  }

  private RunView read(ResultSet rs) throws SQLException {
    var tags = (String[]) rs.getArray("tags").getArray();
    return new RunView(
        rs.getObject("id", UUID.class),
        rs.getString("task_id"),
        rs.getString("queue"),
        RunStatus.valueOf(rs.getString("status")),
        rs.getObject("team_id", UUID.class),
        tree(rs.getString("payload")),
        tree(rs.getString("output")),
        tree(rs.getString("attempts")),
        rs.getInt("attempt"),
        rs.getInt("max_attempts"),
        rs.getInt("priority"),
        Arrays.asList(tags),
        tree(rs.getString("metadata")),
        tree(rs.getString("progress")),
        rs.getString("idempotency_key"),
        rs.getString("concurrency_key"),
        rs.getObject("parent_id", UUID.class),
        rs.getObject("root_id", UUID.class),
        instant(rs, "created_at"),
        instant(rs, "run_at"),
        instant(rs, "started_at"),
        instant(rs, "finished_at"),
        instant(rs, "expires_at"),
        null);
  }

  private JsonNode tree(String value) {
    try {
      return value == null ? null : json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
