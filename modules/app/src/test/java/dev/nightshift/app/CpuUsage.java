package dev.nightshift.app;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.OptionalDouble;
import java.util.stream.Stream;

/**
 * CPU time that the nodes and PostgreSQL use from {@link #start} on, read from {@code /proc} (Linux
 * only), to tell who was busy during a measurement. PostgreSQL is every process named {@code
 * postgres} on the machine, background processes included; on a shared server, others' work counts
 * too.
 */
final class CpuUsage {

  /** The kernel's clock ticks per second ({@code getconf CLK_TCK}), 100 on every common Linux. */
  private static final double TICKS_PER_SECOND = 100;

  private static final Path PROC = Path.of("/proc");

  private final List<Long> nodes;
  private final OptionalDouble nodesAtStart;
  private final OptionalDouble postgresAtStart;
  private final long startedNanos = System.nanoTime();

  private CpuUsage(List<Long> nodes) {
    this.nodes = nodes;
    this.nodesAtStart = seconds(nodes);
    this.postgresAtStart = postgresSeconds();
  }

  /** Starts counting for the node processes {@code nodes}. */
  static CpuUsage start(List<Long> nodes) {
    return new CpuUsage(nodes);
  }

  /** CPU per run of the nodes and of PostgreSQL since the start, and how busy the CPUs were. */
  String perRun(int runs) {
    double wall = (System.nanoTime() - startedNanos) / 1e9;
    var nodesNow = seconds(nodes);
    var postgresNow = postgresSeconds();
    if (nodesAtStart.isEmpty()
        || nodesNow.isEmpty()
        || postgresAtStart.isEmpty()
        || postgresNow.isEmpty()) {
      return "CPU not measured (no /proc)";
    }
    double node = nodesNow.getAsDouble() - nodesAtStart.getAsDouble();
    double postgres = postgresNow.getAsDouble() - postgresAtStart.getAsDouble();
    int cpus = Runtime.getRuntime().availableProcessors();
    return "CPU per run: nodes %.0f us, PostgreSQL %.0f us (CPUs %.0f%% busy)"
        .formatted(
            node * 1e6 / runs, postgres * 1e6 / runs, 100 * (node + postgres) / (wall * cpus));
  }

  private static OptionalDouble seconds(List<Long> pids) {
    double seconds = 0;
    for (long pid : pids) {
      var stat = stat(PROC.resolve(String.valueOf(pid)).resolve("stat"));
      if (stat == null) {
        return OptionalDouble.empty();
      }
      seconds += seconds(stat);
    }
    return OptionalDouble.of(seconds);
  }

  private static OptionalDouble postgresSeconds() {
    if (!Files.isDirectory(PROC)) {
      return OptionalDouble.empty();
    }
    try (Stream<Path> entries = Files.list(PROC)) {
      return OptionalDouble.of(
          entries
              .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
              .map(p -> stat(p.resolve("stat")))
              .filter(s -> s != null && s.contains("(postgres)"))
              .mapToDouble(CpuUsage::seconds)
              .sum());
    } catch (IOException e) {
      return OptionalDouble.empty();
    }
  }

  /** Fields 14 and 15 (utime, stime) of {@code /proc/<pid>/stat}, counted after the name. */
  private static double seconds(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
    return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
  }

  private static String stat(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException processGoneOrNotLinux) {
      return null;
    }
  }
}
