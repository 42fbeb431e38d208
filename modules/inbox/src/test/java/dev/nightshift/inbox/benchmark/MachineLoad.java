package dev.nightshift.inbox.benchmark;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How busy the machine's CPUs were between two points, from {@code /proc/stat}, and how much CPU
 * the test's JVM (the application: intake, worker, both tasks) used meanwhile. The rest of the busy
 * time is mostly PostgreSQL on the same machine. Without {@code /proc/stat} (not Linux), the
 * machine's share is not given.
 */
final class MachineLoad {

  private final long[] start = cpuTicks();
  private final long jvmStart = jvmCpuNanos();
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
    return String.format(
        Locale.ROOT,
        "%.1f s wall; %s; the application's JVM used %.1f CPU s (%.0f%% of %d CPUs)",
        wall,
        machine,
        jvm,
        100 * jvm / wall / cpus,
        cpus);
  }

  private static long jvmCpuNanos() {
    var os = ManagementFactory.getOperatingSystemMXBean();
    return os instanceof com.sun.management.OperatingSystemMXBean sun ? sun.getProcessCpuTime() : 0;
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
