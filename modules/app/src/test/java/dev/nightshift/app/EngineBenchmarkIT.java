package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.testkit.PostgresTestResource;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The engine's throughput and latency, measured on the packaged application as real processes with
 * their default settings, each scenario on a fresh database of the local PostgreSQL server. Runs
 * only when asked (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/app -Dit.test=EngineBenchmarkIT -Dbenchmark=true \
 *     -Dtest=NoSuchTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * Times come from the database's clocks (a run's {@code created_at}, {@code started_at}, {@code
 * finished_at}), so the harness's polling does not colour them. Commits are the database's {@code
 * xact_commit} over the measurement, less the harness's own. The table goes to stdout and to {@code
 * target/benchmark-results.txt}, node logs to {@code target/benchmark-logs/}.
 */
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@Timeout(value = 15, unit = TimeUnit.MINUTES)
class EngineBenchmarkIT {

  private static final int DRAIN_RUNS = 20_000;
  private static final int WARM_UP_RUNS = 2_000;
  private static final int CHUNK = 5_000;
  private static final int LATENCY_RUNS = 300;
  private static final int LATENCY_WARM_UP_RUNS = 50;
  private static final Duration PACING = Duration.ofMillis(20);
  private static final Path LOGS = Path.of("target", "benchmark-logs");
  private static final BenchmarkReport REPORT = new BenchmarkReport();

  @Test
  @Order(1)
  void drainedByOneNode() throws Exception {
    drain("A", 1);
  }

  @Test
  @Order(2)
  void triggerToStartOnAnIdleNode() throws Exception {
    var database = new PostgresTestResource();
    var settings = database.start();
    try {
      var db = RunsDatabase.of(settings);
      var statements = new StatementStatistics(db);
      long commitsBefore;
      long ownBefore;
      var calls = new double[LATENCY_RUNS];
      try (var cluster =
          Cluster.start(LOGS.resolve("B-latency"), 1, Cluster.databaseEnv(settings))) {
        var node = cluster.node(0);
        triggerPaced(node, new double[LATENCY_WARM_UP_RUNS]);
        awaitDrained(db);
        db.execute("DELETE FROM engine.runs");
        statements.reset();
        commitsBefore = db.committedTransactions();
        ownBefore = db.ownCommits();
        triggerPaced(node, calls);
        awaitDrained(db);
      }
      long commits = nodeCommits(db, commitsBefore, ownBefore);
      assertThat(db.statuses(), equalTo(Map.of("COMPLETED", (long) LATENCY_RUNS)));
      double[] toStart =
          db.sortedMillis("SELECT extract(epoch FROM started_at - created_at) FROM engine.runs");
      double[] toFinish =
          db.sortedMillis("SELECT extract(epoch FROM finished_at - created_at) FROM engine.runs");
      Arrays.sort(calls);
      REPORT.row(
          "B",
          "trigger to start, 1 idle node, one REST trigger every 20 ms",
          LATENCY_RUNS,
          "p50 %s ms, p99 %s ms".formatted(percentile(toStart, 50), percentile(toStart, 99)),
          "max %s ms; trigger to finish p50 %s / p99 %s ms; REST trigger call p50 %s / p99 %s ms"
              .formatted(
                  BenchmarkReport.millis(toStart[toStart.length - 1]),
                  percentile(toFinish, 50),
                  percentile(toFinish, 99),
                  percentile(calls, 50),
                  percentile(calls, 99)),
          (double) commits / LATENCY_RUNS);
      statements.report("B", LATENCY_RUNS).ifPresent(REPORT::note);
    } finally {
      database.stop();
    }
  }

  @Test
  @Order(3)
  void drainedByThreeNodes() throws Exception {
    drain("C", 3);
  }

  @AfterAll
  static void report() throws Exception {
    REPORT.print();
  }

  /** 20,000 queued runs, inserted in one transaction, drained by {@code nodes} nodes. */
  private static void drain(String label, int nodes) throws Exception {
    var database = new PostgresTestResource();
    var settings = database.start();
    try {
      var db = RunsDatabase.of(settings);
      describeServer(db, settings);
      var statements = new StatementStatistics(db);
      long commitsBefore;
      long ownBefore;
      long walBefore;
      long insertMillis;
      String cpu;
      var logs = LOGS.resolve(label + "-drain-" + nodes + "-nodes");
      try (var cluster = Cluster.start(logs, nodes, Cluster.databaseEnv(settings))) {
        // Warms the claim and completion paths of every node up before anything is measured.
        db.insertRuns("selftest-noop", "{\"value\":0}", WARM_UP_RUNS, CHUNK, true);
        awaitDrained(db);
        db.execute("DELETE FROM engine.runs");
        db.execute("VACUUM ANALYZE engine.runs");
        statements.reset();
        commitsBefore = db.committedTransactions();
        ownBefore = db.ownCommits();
        walBefore = db.walBytes();
        long started = System.nanoTime();
        // One transaction: the nodes see all runs at once, so the drain is measured alone.
        db.insertRuns("selftest-noop", "{\"value\":1}", DRAIN_RUNS, CHUNK, true);
        insertMillis = (System.nanoTime() - started) / 1_000_000;
        var usage = CpuUsage.start(cluster.nodes().stream().map(AppProcess::pid).toList());
        awaitDrained(db);
        cpu = usage.perRun(DRAIN_RUNS);
      }
      long commits = nodeCommits(db, commitsBefore, ownBefore);
      long wal = db.walBytes() - walBefore;
      assertThat(db.statuses(), equalTo(Map.of("COMPLETED", (long) DRAIN_RUNS)));
      double seconds =
          db.sortedMillis(
                      "SELECT extract(epoch FROM max(finished_at) - min(started_at)) FROM engine.runs")[
                  0]
              / 1000;
      long busiest =
          db.count(
              "SELECT max(n) FROM (SELECT count(*) AS n FROM engine.runs"
                  + " GROUP BY date_trunc('second', finished_at)) s");
      REPORT.row(
          label,
          "drain, " + nodes + (nodes == 1 ? " node" : " nodes"),
          DRAIN_RUNS,
          "%,.0f runs/s".formatted(DRAIN_RUNS / seconds),
          ("%.2f s from first start to last finish; busiest second %,d runs; inserted in %,d ms;"
                  + " %s; WAL %,d bytes/run")
              .formatted(seconds, busiest, insertMillis, cpu, wal / DRAIN_RUNS),
          (double) commits / DRAIN_RUNS);
      statements.report(label, DRAIN_RUNS).ifPresent(REPORT::note);
    } finally {
      database.stop();
    }
  }

  /** Triggers one run over REST every 20 ms, recording each call's round trip in milliseconds. */
  private static void triggerPaced(AppProcess node, double[] calls) throws Exception {
    long start = System.nanoTime();
    for (int i = 0; i < calls.length; i++) {
      long wait = start + i * PACING.toNanos() - System.nanoTime();
      if (wait > 0) {
        // The pacing is the workload here, not a wait for a condition.
        Thread.sleep(Duration.ofNanos(wait));
      }
      long sent = System.nanoTime();
      var response =
          node.send("POST", "/api/v1/tasks/selftest-noop/trigger", "{\"payload\":{\"value\":1}}");
      calls[i] = (System.nanoTime() - sent) / 1e6;
      assertThat(response.body(), response.statusCode(), equalTo(200));
    }
  }

  private static void awaitDrained(RunsDatabase db) {
    await().atMost(Duration.ofMinutes(10)).pollInterval(Duration.ofMillis(200)).until(db::drained);
  }

  /** Transactions committed since {@code before}, less the harness's own; after nodes stopped. */
  private static long nodeCommits(RunsDatabase db, long before, long ownBefore)
      throws SQLException {
    db.awaitNoOtherConnection();
    long all = db.committedTransactions() - before;
    return all - (db.ownCommits() - ownBefore);
  }

  private static void describeServer(RunsDatabase db, Map<String, String> settings)
      throws SQLException {
    String url = settings.get("quarkus.datasource.jdbc.url");
    try (var c = db.connect();
        var rs = c.createStatement().executeQuery("SELECT version()")) {
      rs.next();
      REPORT.server(rs.getString(1) + " at " + url.substring(0, url.lastIndexOf('/')));
    }
    REPORT.statementStatistics(new StatementStatistics(db).describe());
  }

  private static String percentile(double[] sorted, int p) {
    return BenchmarkReport.millis(BenchmarkReport.percentile(sorted, p));
  }
}
