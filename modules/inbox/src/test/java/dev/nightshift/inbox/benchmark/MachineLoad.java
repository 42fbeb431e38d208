package dev.nightshift.inbox.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * How busy the machine's CPUs were between two points, from {@code /proc/stat}, how much CPU the
 * test's JVM (the application: intake, worker, both tasks) used meanwhile, and how much every
 * {@code postgres} process did (from {@code /proc/<pid>/stat}: the server is shared, so other
 * databases' backends count too, and a backend that ended meanwhile is missed). Without {@code
 * /proc} (not Linux), only the JVM's share is given.
 */
final class MachineLoad {

  private final long[] start = cpuTicks();
  private final long jvmStart = jvmCpuNanos();
  private final Map<Long, Long> postgresStart = postgresTicks();
  private final long wallStart = System.nanoTime();

  String since() {
    double wall = (System.nanoTime() - wallStart) / 1e9;
    int cpus = Runtime.getRuntime().availableProcessors();
    double jvm = (jvmCpuNanos() - jvmStart) / 1e9;
    var end = cpuTicks();
    String machine = "machine CPU busy: not known";
    if (start.length > 0 && end.length > 0) {
      long total = Arrays.stream(end).sum() - Arrays.stream(start).sum();
      // idle and iowait are the 4th and 5th fields of the cpu line
      long idle = end[3] + end[4] - start[3] - start[4];
      machine =
          String.format(Locale.ROOT, "machine CPUs %.0f%% busy", 100.0 * (total - idle) / total);
    }
    long postgres = 0;
    for (var process : postgresTicks().entrySet()) {
      postgres += process.getValue() - postgresStart.getOrDefault(process.getKey(), 0L);
    }
    // Linux counts process times in clock ticks of 1/100 s (USER_HZ).
    double postgresSeconds = postgres / 100.0;
    return String.format(
        Locale.ROOT,
        "%.1f s wall; %s; the application's JVM used %.1f CPU s (%.0f%% of %d CPUs), PostgreSQL"
            + " %.1f CPU s (%.0f%%)",
        wall,
        machine,
        jvm,
        100 * jvm / wall / cpus,
        cpus,
        postgresSeconds,
        100 * postgresSeconds / wall / cpus);
  }

  private static long jvmCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
  }

  /** utime + stime of each postgres process, by pid. */
  private static Map<Long, Long> postgresTicks() {
    var ticks = new HashMap<Long, Long>();
    try (var processes = Files.list(Path.of("/proc"))) {
      processes
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .forEach(p -> readPostgres(p, ticks));
    } catch (IOException | RuntimeException e) {
      return Map.of();
    }
    return ticks;
  }

  private static void readPostgres(Path process, Map<Long, Long> ticks) {
    try {
      var stat = Files.readString(process.resolve("stat"));
      // The command name is in parentheses and may hold spaces: fields are counted after it.
      int close = stat.lastIndexOf(')');
      if (!stat.substring(stat.indexOf('(') + 1, close).equals("postgres")) {
        return;
      }
      var fields = stat.substring(close + 2).split(" ");
      // utime and stime are the 14th and 15th fields, the 12th and 13th after the name.
      ticks.put(
          Long.parseLong(process.getFileName().toString()),
          Long.parseLong(fields[11]) + Long.parseLong(fields[12]));
    } catch (IOException | RuntimeException e) {
      // The process ended while being read.
    }
  }

  private static long[] cpuTicks() {
    try {
      var first = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      return Arrays.stream(first, 1, first.length).mapToLong(Long::parseLong).toArray();
    } catch (IOException | RuntimeException e) {
      return new long[0];
    }
  }
}
