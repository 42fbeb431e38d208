package dev.nightshift.transactions.benchmark;

import com.sun.management.OperatingSystemMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Arrays;
import javax.sql.DataSource;

/**
 * What one measurement cost: wall time, WAL written (the whole server), CPU of this JVM (the
 * application under test and the harness) and how busy the machine's CPUs were.
 */
final class Meter {

  private final DataSource dataSource;
  private final long startNanos;
  private final long startCpu;
  private final long[] startStat;
  private final String startLsn;

  private Meter(DataSource dataSource) throws SQLException {
    this.dataSource = dataSource;
    this.startLsn = lsn(dataSource, "SELECT pg_current_wal_lsn()::text");
    this.startStat = cpuStat();
    this.startCpu = jvmCpu();
    this.startNanos = System.nanoTime();
  }

  static Meter start(DataSource dataSource) throws SQLException {
    return new Meter(dataSource);
  }

  Reading stop() throws SQLException {
    double seconds = (System.nanoTime() - startNanos) / 1e9;
    double jvmCpu = (jvmCpu() - startCpu) / 1e9;
    var stat = cpuStat();
    long idle = stat[0] - startStat[0];
    long total = stat[1] - startStat[1];
    long wal =
        Long.parseLong(
            lsn(
                dataSource,
                "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '" + startLsn + "')::bigint::text"));
    return new Reading(seconds, wal, jvmCpu, total == 0 ? 0 : 1 - (double) idle / total);
  }

  /**
   * @param busy the share of the machine's CPU time not idle, every process included
   */
  record Reading(double seconds, long walBytes, double jvmCpuSeconds, double busy) {}

  private static String lsn(DataSource dataSource, String sql) throws SQLException {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery(sql)) {
      rs.next();
      return rs.getString(1);
    }
  }

  private static long jvmCpu() {
    return ((OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  /** Idle (with iowait) and total jiffies of all CPUs, from the first line of /proc/stat. */
  private static long[] cpuStat() {
    try {
      var fields = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long[] values = Arrays.stream(fields).skip(1).mapToLong(Long::parseLong).toArray();
      return new long[] {values[3] + values[4], Arrays.stream(values).limit(8).sum()};
    } catch (IOException | RuntimeException e) {
      return new long[] {0, 0};
    }
  }
}
