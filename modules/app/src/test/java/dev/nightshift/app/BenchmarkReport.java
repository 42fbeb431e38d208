package dev.nightshift.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark's results as a Markdown table with the machine it ran on, printed to stdout and
 * written to {@code target/benchmark-results.txt}.
 */
final class BenchmarkReport {

  private final List<String> rows = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private String server = "unknown";
  private String statementStatistics = "not checked";

  /** The database server, such as its version and address. */
  void server(String description) {
    server = description;
  }

  void statementStatistics(String description) {
    statementStatistics = description;
  }

  void row(String label, String scenario, int runs, String result, String details, double commits) {
    rows.add(
        "| %s | %s | %,d | %s | %s | %.3f |"
            .formatted(label, scenario, runs, result, details, commits));
  }

  /** A paragraph after the table. */
  void note(String text) {
    notes.add(text);
  }

  void print() throws IOException {
    var out = new StringBuilder();
    out.append("Nightshift engine benchmark, ")
        .append(OffsetDateTime.now().truncatedTo(ChronoUnit.SECONDS))
        .append("\nMachine: ")
        .append(Runtime.getRuntime().availableProcessors())
        .append(" CPUs, ")
        .append(System.getProperty("os.name"))
        .append(' ')
        .append(System.getProperty("os.version"))
        .append(", Java ")
        .append(System.getProperty("java.version"))
        .append("\nDatabase: ")
        .append(server)
        .append("\nNodes: the packaged application with its default settings (64 concurrent")
        .append(" attempts, claim batch 128), task selftest-noop\npg_stat_statements: ")
        .append(statementStatistics)
        .append("\n\n| | scenario | runs | result | details | commits/run |\n")
        .append("|---|---|---:|---|---|---:|\n");
    rows.forEach(r -> out.append(r).append('\n'));
    notes.forEach(n -> out.append('\n').append(n).append('\n'));
    System.out.println(out);
    Files.createDirectories(Path.of("target"));
    Files.writeString(Path.of("target", "benchmark-results.txt"), out);
  }

  /** The nearest-rank percentile {@code p} of {@code sorted}. */
  static double percentile(double[] sorted, int p) {
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, rank - 1)];
  }

  /** Milliseconds with one decimal below 10, whole above. */
  static String millis(double millis) {
    return millis < 10 ? "%.1f".formatted(millis) : "%.0f".formatted(millis);
  }
}
