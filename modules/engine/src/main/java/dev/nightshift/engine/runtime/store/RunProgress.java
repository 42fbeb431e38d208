package dev.nightshift.engine.runtime.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/** Writes the progress and metadata of executing runs, and tells their subscribers. */
@ApplicationScoped
public class RunProgress {

  /** The latest progress (null: unchanged) and the metadata to merge (null: none) of a run. */
  public record Update(UUID runId, String progress, String metadata) {}

  private static final String SQL =
      """
      WITH updated AS (
          UPDATE engine.runs r
          SET progress = coalesce(c.progress::jsonb, r.progress),
              metadata = r.metadata || coalesce(c.metadata::jsonb, '{}'),
              updated_at = now()
          FROM unnest(?::uuid[], ?::text[], ?::text[]) AS c(id, progress, metadata)
          WHERE r.id = c.id AND r.status = 'EXECUTING'
          RETURNING r.id)
      SELECT engine.notify_changed(array_agg(id)) FROM updated
      """;

  private final DataSource dataSource;

  RunProgress(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public void write(List<Update> updates) throws SQLException {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(SQL)) {
      update.setArray(1, c.createArrayOf("uuid", updates.stream().map(Update::runId).toArray()));
      update.setArray(2, c.createArrayOf("text", updates.stream().map(Update::progress).toArray()));
      update.setArray(3, c.createArrayOf("text", updates.stream().map(Update::metadata).toArray()));
      update.execute();
    }
  }
}
