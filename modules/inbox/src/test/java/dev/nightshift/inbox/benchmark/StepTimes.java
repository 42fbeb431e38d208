package dev.nightshift.inbox.benchmark;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * How long each durable step of the team's process-document runs took, from the step's start to its
 * row being written: what the extraction strategies cost inside the run, as against the run's own
 * reads and writes around them.
 */
final class StepTimes {

  private StepTimes() {}

  /** A Markdown table, a row per step name. */
  static List<String> table(DataSource dataSource, UUID team) throws SQLException {
    var lines = new ArrayList<String>();
    lines.add("| process-document step | steps | p50 | p99 | max |");
    lines.add("|---|---:|---:|---:|---:|");
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT key, count(*), percentile_disc(0.5) WITHIN GROUP (ORDER BY ms),"
                    + " percentile_disc(0.99) WITHIN GROUP (ORDER BY ms), max(ms)"
                    + " FROM (SELECT s.key,"
                    + " extract(epoch FROM s.finished_at - s.started_at) * 1000 AS ms"
                    + " FROM engine.run_steps s JOIN inbox.items i ON i.process_run_id = s.run_id"
                    + " WHERE i.team_id = ?) AS steps GROUP BY key ORDER BY key")) {
      select.setObject(1, team);
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          lines.add(
              String.format(
                  Locale.ROOT,
                  "| %s | %,d | %.1f ms | %.1f ms | %.1f ms |",
                  rs.getString(1),
                  rs.getLong(2),
                  rs.getDouble(3),
                  rs.getDouble(4),
                  rs.getDouble(5)));
        }
      }
    }
    return lines;
  }
}
