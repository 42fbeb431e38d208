package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.platform.database.EmbeddedDatabase;
import dev.nightshift.testkit.PostgresTestResource;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine's guarantees on the packaged application, as real processes on one database with short
 * leases: a node killed mid-run loses no run and its runs are executed again elsewhere; nodes that
 * stay up execute each run exactly once; a database that goes away and comes back loses no run
 * either. Side effects are counted in {@code selftest.executions} (the {@code selftest-record}
 * task). Node logs stay in {@code target/it-logs/EngineReliabilityIT/<test>/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class EngineReliabilityIT {

  private static final ObjectMapper JSON = new ObjectMapper();

  /** Leases end 3 s after a node's last heartbeat, and every node looks for them twice a second. */
  private static final Map<String, String> FAST_RESCUE =
      Map.of(
          "NIGHTSHIFT_WORKER_LEASE", "3s",
          "NIGHTSHIFT_WORKER_HEARTBEAT", "1s",
          "NIGHTSHIFT_RUNS_MAINTENANCE_INTERVAL", "500ms");

  private final PostgresTestResource database = new PostgresTestResource();
  private Map<String, String> settings;
  private RunsDatabase runs;
  private Path logs;

  @BeforeEach
  void database(TestInfo test) throws Exception {
    settings = database.start();
    runs = RunsDatabase.of(settings);
    logs =
        Path.of(
            "target",
            "it-logs",
            "EngineReliabilityIT",
            test.getTestMethod().orElseThrow().getName());
    if (Files.exists(logs)) {
      try (var old = Files.list(logs)) {
        for (var file : old.toList()) {
          Files.delete(file);
        }
      }
    }
  }

  @AfterEach
  void dropDatabase() {
    database.stop();
  }

  @Test
  void aNodeKilledMidRunLosesNoRunAndItsRunsAreExecutedAgain() throws Exception {
    var env = nodeEnv(Cluster.databaseEnv(settings));
    // 2 nodes x 16 slots / 200 ms = 160 runs/s: the 600 runs take about 4 s, time to kill mid-run.
    env.put("NIGHTSHIFT_WORKER_CONCURRENCY", "16");
    try (var cluster = Cluster.start(logs, 2, env)) {
      var victim = cluster.node(0);
      var survivor = cluster.node(1);
      long started = System.nanoTime();
      var ids = triggerBatch(survivor, "selftest-record", 600, "{\"sleepMillis\":200}");

      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(20))
          .until(() -> executingOn(victim) >= 8);
      victim.kill();
      // The victim is dead, so what it held stays leased to it until a lease runs out (3 s).
      var orphaned =
          runs.ids(
              "SELECT id FROM engine.runs WHERE status = 'EXECUTING' AND lease_owner LIKE ?",
              victim.pid() + "@%");
      long queuedAtKill = runs.count("SELECT count(*) FROM engine.runs WHERE status = 'QUEUED'");

      awaitFinished(Duration.ofSeconds(90));
      long drainMillis = (System.nanoTime() - started) / 1_000_000;
      assertThat(runs.statuses(), equalTo(Map.of("COMPLETED", 600L)));
      assertThat(ids.size(), equalTo(600));
      assertThat(runsWithoutExecution(), equalTo(0L));
      assertThat("the victim held runs when it died", orphaned, not(empty()));
      assertThat(
          "every run the victim held was attempted again",
          runs.count(
              "SELECT count(*) FROM engine.runs WHERE id IN (SELECT unnest(?::uuid[])) AND attempt < 2",
              uuidArray(orphaned)),
          equalTo(0L));
      assertThat(
          "and executed again by the survivor",
          runs.count(
              "SELECT count(DISTINCT run_id) FROM selftest.executions WHERE worker LIKE ?"
                  + " AND attempt >= 2 AND run_id IN (SELECT unnest(?::uuid[]))",
              survivor.pid() + "@%",
              uuidArray(orphaned)),
          equalTo((long) orphaned.size()));
      assertThat(
          "a run attempted once, never held by the victim at its death, executed exactly once",
          runs.count(
              "SELECT count(*) FROM engine.runs r WHERE r.attempt = 1"
                  + " AND (SELECT count(*) FROM selftest.executions e WHERE e.run_id = r.id) <> 1"),
          equalTo(0L));
      assertThat(survivor.isAlive(), is(true));
      System.out.printf(
          "[kill -9] 600 runs COMPLETED in %d ms; the killed node held %d (%d still queued),"
              + " all retried (attempt > 1): %d; executions %d for %d runs%n",
          drainMillis,
          orphaned.size(),
          queuedAtKill,
          runs.count("SELECT count(*) FROM engine.runs WHERE attempt > 1"),
          runs.count("SELECT count(*) FROM selftest.executions"),
          runs.count("SELECT count(DISTINCT run_id) FROM selftest.executions"));
    }
  }

  @Test
  void threeNodesExecuteEachOf20000RunsExactlyOnce() throws Exception {
    try (var cluster = Cluster.start(logs, 3, nodeEnv(Cluster.databaseEnv(settings)))) {
      long started = System.nanoTime();
      // Each chunk commits on its own: the nodes drain while the next one is inserted.
      runs.insertRuns("selftest-record", "{\"sleepMillis\":0}", 20_000, 5_000, false);
      awaitFinished(Duration.ofMinutes(3));
      long drainMillis = (System.nanoTime() - started) / 1_000_000;

      assertThat(runs.statuses(), equalTo(Map.of("COMPLETED", 20_000L)));
      assertThat(
          runs.count("SELECT count(*) FROM engine.runs WHERE attempt = 1"), equalTo(20_000L));
      assertThat(runs.count("SELECT count(*) FROM selftest.executions"), equalTo(20_000L));
      assertThat(
          runs.count("SELECT count(DISTINCT run_id) FROM selftest.executions"), equalTo(20_000L));
      var byWorker =
          runs.counts(
              "SELECT split_part(worker, '@', 1), count(*) FROM selftest.executions GROUP BY 1");
      for (var node : cluster.nodes()) {
        assertThat(
            "node " + node.pid() + " executed runs: " + byWorker,
            byWorker.getOrDefault(String.valueOf(node.pid()), 0L),
            greaterThanOrEqualTo(1L));
      }
      System.out.printf(
          "[3 nodes] 20000 runs executed exactly once in %d ms, by pid: %s%n",
          drainMillis, byWorker);
    }
  }

  @Test
  void aDatabaseThatGoesAwayAndComesBackLosesNoRun(@TempDir Path dir) throws Exception {
    int port = AppProcess.freePort();
    Path data = dir.resolve("data");
    Path binaries = dir.resolve("bin");
    var server = EmbeddedDatabase.start(data, binaries, port);
    var db = new RunsDatabase(server.jdbcUrl("postgres"), EmbeddedDatabase.USER, "");
    var env = new HashMap<String, String>(FAST_RESCUE);
    env.put("QUARKUS_DATASOURCE_JDBC_URL", server.jdbcUrl("postgres"));
    env.put("QUARKUS_DATASOURCE_USERNAME", EmbeddedDatabase.USER);
    env.put("QUARKUS_DATASOURCE_PASSWORD", "");
    // 4 slots / 50 ms = 80 runs/s: the 200 runs take 2.5 s, so the outage hits them mid-drain.
    env.put("NIGHTSHIFT_WORKER_CONCURRENCY", "4");
    Files.createDirectories(logs);
    try (var node = AppProcess.start(logs.resolve("node-1.log"), env)) {
      try {
        var ids = triggerBatch(node, "selftest-record", 200, "{\"sleepMillis\":50}");
        await()
            .atMost(Duration.ofSeconds(30))
            .pollInterval(Duration.ofMillis(20))
            .until(
                () ->
                    db.count("SELECT count(*) FROM engine.runs WHERE status = 'COMPLETED'") >= 30);
        long unfinishedAtOutage = db.unfinished();
        server.close();
        server = null;
        // The outage itself: at least 3 s, and until the node noticed.
        await()
            .pollDelay(Duration.ofSeconds(3))
            .atMost(Duration.ofSeconds(30))
            .until(() -> node.log().contains("the database is unreachable"));
        server = EmbeddedDatabase.start(data, binaries, port);

        await()
            .atMost(Duration.ofSeconds(60))
            .pollInterval(Duration.ofMillis(250))
            .until(db::drained);
        assertThat(node.isAlive(), is(true));
        assertThat(node.send("GET", "/q/health/live", null).statusCode(), equalTo(200));
        assertThat(node.log(), containsString("the database is unreachable"));
        assertThat(db.statuses(), equalTo(Map.of("COMPLETED", 200L)));
        assertThat(ids.size(), equalTo(200));
        assertThat(
            db.count(
                "SELECT count(*) FROM engine.runs r WHERE NOT EXISTS"
                    + " (SELECT 1 FROM selftest.executions e WHERE e.run_id = r.id)"),
            equalTo(0L));
        System.out.printf(
            "[database outage] %d of 200 runs unfinished when it stopped; all COMPLETED,"
                + " %d with more than one attempt; executions %d for %d runs%n",
            unfinishedAtOutage,
            db.count("SELECT count(*) FROM engine.runs WHERE attempt > 1"),
            db.count("SELECT count(*) FROM selftest.executions"),
            db.count("SELECT count(DISTINCT run_id) FROM selftest.executions"));
      } finally {
        if (server != null) {
          server.close();
        }
      }
    }
  }

  @Test
  void aNodePausedPastItsLeaseGetsItsRescuedRunsBackAndNoneFails() throws Exception {
    var env = nodeEnv(Cluster.databaseEnv(settings));
    var observerEnv = new HashMap<>(env);
    observerEnv.put("NIGHTSHIFT_WORKER_ENABLED", "false");
    Files.createDirectories(logs);
    try (var worker = AppProcess.start(logs.resolve("worker.log"), env);
        var observer = AppProcess.start(logs.resolve("observer.log"), observerEnv)) {
      triggerBatch(observer, "selftest-record", 4, "{\"sleepMillis\":6000}");
      await().atMost(Duration.ofSeconds(30)).until(() -> executingOn(worker) == 4);

      signal(worker, "STOP");
      try {
        // Frozen past its 3 s lease: the observer's maintainer gives its runs back to the queue.
        await()
            .atMost(Duration.ofSeconds(30))
            .until(
                () -> runs.count("SELECT count(*) FROM engine.runs WHERE status = 'QUEUED'") == 4);
      } finally {
        signal(worker, "CONT");
      }

      // The resumed node learns its old attempts are no longer its own, claims the runs again,
      // and keeps the new attempts' leases alive.
      awaitFinished(Duration.ofSeconds(60));
      assertThat(runs.statuses(), equalTo(Map.of("COMPLETED", 4L)));
      assertThat(runs.count("SELECT count(*) FROM engine.runs WHERE attempt <> 2"), equalTo(0L));
      assertThat(worker.isAlive(), is(true));
    }
  }

  @Test
  void aStoppedNodeHandsItsUnfinishedRunsBackWithoutSpendingAnAttempt() throws Exception {
    var env = nodeEnv(Cluster.databaseEnv(settings));
    env.put("NIGHTSHIFT_WORKER_SHUTDOWN_GRACE", "1s");
    Files.createDirectories(logs);
    try (var first = AppProcess.start(logs.resolve("first.log"), env)) {
      triggerBatch(first, "selftest-record", 4, "{\"sleepMillis\":30000}");
      await().atMost(Duration.ofSeconds(30)).until(() -> executingOn(first) == 4);
    }
    // Stopped with SIGTERM: the attempts outlived the grace period and were released.
    assertThat(runs.statuses(), equalTo(Map.of("QUEUED", 4L)));
    assertThat(
        runs.count("SELECT count(*) FROM engine.runs WHERE attempt = 0 AND lease_owner IS NULL"),
        equalTo(4L));

    runs.execute("UPDATE engine.runs SET payload = '{\"sleepMillis\":0}'");
    try (var second = AppProcess.start(logs.resolve("second.log"), env)) {
      awaitFinished(Duration.ofSeconds(30));
      assertThat(runs.statuses(), equalTo(Map.of("COMPLETED", 4L)));
      assertThat(runs.count("SELECT count(*) FROM engine.runs WHERE attempt <> 1"), equalTo(0L));
    }
  }

  @Test
  void aConcurrencyKeyHoldsAcrossThreeNodes() throws Exception {
    var env = nodeEnv(Cluster.databaseEnv(settings));
    // One run per key at a time; a system property, since environment variables cannot name a
    // task id with a hyphen.
    env.put("JAVA_TOOL_OPTIONS", "-Dnightshift.tasks.selftest-record.concurrency-limit=1");
    // Two attempts per node for six keys: no node can hold every key, so all three contend.
    env.put("NIGHTSHIFT_WORKER_CONCURRENCY", "2");
    try (var cluster = Cluster.start(logs, 3, env)) {
      var items = new StringBuilder("{\"items\":[");
      for (int i = 0; i < 60; i++) {
        items
            .append(i == 0 ? "" : ",")
            .append("{\"payload\":{\"sleepMillis\":150},\"options\":{\"concurrencyKey\":\"team-")
            .append(i % 6)
            .append("\"}}");
      }
      var response =
          cluster
              .node(0)
              .send("POST", "/api/v1/tasks/selftest-record/batch", items.append("]}").toString());
      assertThat(response.body(), response.statusCode(), equalTo(200));

      awaitFinished(Duration.ofSeconds(60));
      assertThat(runs.statuses(), equalTo(Map.of("COMPLETED", 60L)));
      assertThat(
          "no two runs of one key overlapped, whichever node ran them",
          runs.count(
              "SELECT count(*) FROM engine.runs a JOIN engine.runs b"
                  + " ON a.concurrency_key = b.concurrency_key AND a.id < b.id"
                  + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at"),
          equalTo(0L));
      assertThat(
          "every node took part",
          runs.count("SELECT count(DISTINCT worker) FROM selftest.executions"),
          equalTo(3L));
      assertThat(
          "and every run needed one attempt",
          runs.count("SELECT count(*) FROM engine.runs WHERE attempt <> 1"),
          equalTo(0L));
      assertThat(
          "keys ran side by side",
          runs.count(
                  "SELECT count(*) FROM engine.runs a JOIN engine.runs b"
                      + " ON a.concurrency_key <> b.concurrency_key"
                      + " AND a.started_at < b.finished_at AND b.started_at < a.finished_at")
              > 0,
          is(true));
    }
  }

  private static void signal(AppProcess node, String signal) throws Exception {
    var kill =
        new ProcessBuilder("kill", "-" + signal, String.valueOf(node.pid())).inheritIO().start();
    assertThat(kill.waitFor(), equalTo(0));
  }

  private static Map<String, String> nodeEnv(Map<String, String> database) {
    var env = new HashMap<String, String>(database);
    env.putAll(FAST_RESCUE);
    // Quarkus pools up to 50 connections per node, and selftest-record takes one per attempt:
    // three nodes would pass PostgreSQL's default max_connections of 100.
    env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20");
    return env;
  }

  /** Triggers {@code count} runs over REST in one batch request; their ids in order. */
  private static List<UUID> triggerBatch(AppProcess node, String task, int count, String payload)
      throws Exception {
    var items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < count; i++) {
      items.append(i == 0 ? "" : ",").append("{\"payload\":").append(payload).append('}');
    }
    var response =
        node.send("POST", "/api/v1/tasks/" + task + "/batch", items.append("]}").toString());
    assertThat(response.body(), response.statusCode(), equalTo(200));
    var ids = new ArrayList<UUID>();
    JSON.readTree(response.body())
        .get("runs")
        .forEach(r -> ids.add(UUID.fromString(r.get("id").asText())));
    return ids;
  }

  /** Runs leased to {@code node}: the engine names a lease owner {@code pid@host/...}. */
  private long executingOn(AppProcess node) throws Exception {
    return runs.count(
        "SELECT count(*) FROM engine.runs WHERE status = 'EXECUTING' AND lease_owner LIKE ?",
        node.pid() + "@%");
  }

  private long runsWithoutExecution() throws Exception {
    return runs.count(
        "SELECT count(*) FROM engine.runs r WHERE NOT EXISTS"
            + " (SELECT 1 FROM selftest.executions e WHERE e.run_id = r.id)");
  }

  private void awaitFinished(Duration atMost) {
    await().atMost(atMost).pollInterval(Duration.ofMillis(250)).until(runs::drained);
  }

  private static String uuidArray(List<UUID> ids) {
    return ids.stream()
        .map(UUID::toString)
        .collect(java.util.stream.Collectors.joining(",", "{", "}"));
  }
}
