package dev.nightshift.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Nodes of the packaged application on one database, started and stopped in parallel: each node's
 * log is {@code node-<n>.log} in the given directory. The first node to start migrates the
 * database; Flyway's lock makes the others wait for it.
 */
final class Cluster implements AutoCloseable {

  private final List<AppProcess> nodes;

  private Cluster(List<AppProcess> nodes) {
    this.nodes = nodes;
  }

  /** Starts {@code size} nodes with the same {@code env} and waits until all are ready. */
  static Cluster start(Path logs, int size, Map<String, String> env) throws Exception {
    Files.createDirectories(logs);
    var started = new ArrayList<AppProcess>();
    Throwable failure = null;
    try (var starter = Executors.newVirtualThreadPerTaskExecutor()) {
      var pending = new ArrayList<Future<AppProcess>>();
      for (int n = 1; n <= size; n++) {
        Path log = logs.resolve("node-" + n + ".log");
        pending.add(starter.submit(() -> AppProcess.start(log, env)));
      }
      for (var node : pending) {
        try {
          started.add(node.get());
        } catch (ExecutionException e) {
          failure = e.getCause();
        }
      }
    }
    var cluster = new Cluster(started);
    if (failure != null) {
      cluster.close();
      throw new AssertionError("A node did not start", failure);
    }
    return cluster;
  }

  /** The settings that point a node at the database a {@code PostgresTestResource} started. */
  static Map<String, String> databaseEnv(Map<String, String> settings) {
    var env = new HashMap<String, String>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"));
    env.put("QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", settings.get("quarkus.datasource.password"));
    return env;
  }

  /** The node started {@code index}-th, from 0. */
  AppProcess node(int index) {
    return nodes.get(index);
  }

  List<AppProcess> nodes() {
    return nodes;
  }

  /** Stops every node still running (SIGTERM), all at once, and waits for them. */
  @Override
  public void close() throws Exception {
    var failures = new ArrayList<Throwable>();
    try (var stopper = Executors.newVirtualThreadPerTaskExecutor()) {
      var pending = new ArrayList<Future<?>>();
      for (var node : nodes) {
        pending.add(
            stopper.submit(
                () -> {
                  node.close();
                  return null;
                }));
      }
      for (var stopped : pending) {
        try {
          stopped.get();
        } catch (ExecutionException e) {
          failures.add(e.getCause());
        }
      }
    }
    if (!failures.isEmpty()) {
      var error = new AssertionError("A node did not stop cleanly", failures.getFirst());
      failures.stream().skip(1).forEach(error::addSuppressed);
      throw error;
    }
  }
}
