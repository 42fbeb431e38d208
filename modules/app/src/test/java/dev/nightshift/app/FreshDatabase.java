package dev.nightshift.app;

import dev.nightshift.testkit.PostgresTestResource;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A database of its own for each test of a packaged-process IT, dropped after it: register with
 * {@code @RegisterExtension final FreshDatabase database = new FreshDatabase();}.
 */
final class FreshDatabase implements BeforeEachCallback, AfterEachCallback {

  private final PostgresTestResource database = new PostgresTestResource();
  private Map<String, String> settings;
  private RunsDatabase runs;

  @Override
  public void beforeEach(ExtensionContext context) {
    settings = database.start();
    runs = RunsDatabase.of(settings);
  }

  @Override
  public void afterEach(ExtensionContext context) {
    database.stop();
  }

  /**
   * The environment that points nodes at this database. Pools stay at 20 connections per node, so
   * that three nodes fit in PostgreSQL's default 100.
   */
  Map<String, String> nodeEnv() {
    var env = new HashMap<>(Cluster.databaseEnv(settings));
    env.put("QUARKUS_DATASOURCE_JDBC_MAX_SIZE", "20");
    return env;
  }

  RunsDatabase runs() {
    return runs;
  }
}
