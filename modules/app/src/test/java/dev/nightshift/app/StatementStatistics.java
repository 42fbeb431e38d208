package dev.nightshift.app;

import java.sql.SQLException;
import java.util.Optional;

/**
 * Where one database's statement time goes, from {@code pg_stat_statements} when the server loads
 * it ({@code shared_preload_libraries}); otherwise it says so and reports nothing. Resets and reads
 * only the statistics of its own database, since the server may be shared.
 */
final class StatementStatistics {

  private static final String THIS_DATABASE =
      "(SELECT oid FROM pg_database WHERE datname = current_database())";

  private final RunsDatabase db;
  private final boolean available;

  StatementStatistics(RunsDatabase db) throws SQLException {
    this.db = db;
    this.available =
        db.count(
                "SELECT count(*) FROM pg_settings WHERE name = 'shared_preload_libraries'"
                    + " AND setting LIKE '%pg_stat_statements%'")
            > 0;
    if (available) {
      db.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    }
  }

  String describe() {
    return available
        ? "loaded; the busiest statements of each scenario follow the table"
        : "not available: the server does not load it (shared_preload_libraries), so no"
            + " per-statement figures";
  }

  void reset() throws SQLException {
    if (available) {
      db.execute("SELECT pg_stat_statements_reset(0, " + THIS_DATABASE + ", 0)");
    }
  }

  /** The busiest statements since {@code reset()}, per run of the scenario, as a table. */
  Optional<String> report(String label, int runs) throws SQLException {
    if (!available) {
      return Optional.empty();
    }
    var table =
        new StringBuilder("Scenario ")
            .append(label)
            .append(", busiest statements:\n\n")
            .append("| calls/run | total ms | mean ms | rows/call | statement |\n")
            .append("|---:|---:|---:|---:|---|\n");
    try (var c = db.connect();
        var rs =
            c.createStatement()
                .executeQuery(
                    "SELECT calls, total_exec_time, rows,"
                        + " regexp_replace(left(query, 400), '\\s+', ' ', 'g')"
                        + " FROM pg_stat_statements WHERE dbid = "
                        + THIS_DATABASE
                        + " ORDER BY total_exec_time DESC LIMIT 8")) {
      while (rs.next()) {
        long calls = rs.getLong(1);
        String query = rs.getString(4).replace("|", "\\|");
        table.append(
            "| %.4f | %.0f | %.3f | %.1f | `%s` |%n"
                .formatted(
                    (double) calls / runs,
                    rs.getDouble(2),
                    rs.getDouble(2) / Math.max(1, calls),
                    (double) rs.getLong(3) / Math.max(1, calls),
                    query.length() > 100 ? query.substring(0, 100) + "..." : query));
      }
    }
    return Optional.of(table.toString());
  }
}
