package dev.nightshift.testkit;

import dev.nightshift.platform.database.EmbeddedDatabase;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * A real, empty PostgreSQL database for a {@code @QuarkusTest}: a fresh database on the local
 * server when one answers, else on an embedded server in a temporary directory. Dropped when the
 * tests are done. Never H2, never a mock.
 *
 * <p>The server is {@code NIGHTSHIFT_TEST_DATABASE_URL} (a JDBC URL of its maintenance database,
 * with {@code NIGHTSHIFT_TEST_DATABASE_USER} and {@code NIGHTSHIFT_TEST_DATABASE_PASSWORD}; or the
 * system properties {@code nightshift.test-database.url}, {@code .user}, {@code .password}), by
 * default {@code jdbc:postgresql://127.0.0.1:5432/postgres} as {@code postgres}.
 *
 * <p>Use it as {@code @WithTestResource(PostgresTestResource.class)}.
 */
public class PostgresTestResource implements QuarkusTestResourceLifecycleManager {

  private static final Logger LOG = Logger.getLogger(PostgresTestResource.class);

  private String serverUrl;
  private String user;
  private String password;
  private String database;
  private EmbeddedDatabase embedded;
  private Path embeddedDir;

  @Override
  public Map<String, String> start() {
    serverUrl = setting("url", "jdbc:postgresql://127.0.0.1:5432/postgres");
    user = setting("user", "postgres");
    password = setting("password", "");
    if (!answers(serverUrl)) {
      startEmbedded();
    }
    database = "nightshift_test_" + UUID.randomUUID().toString().replace("-", "");
    execute("CREATE DATABASE " + database);
    String url = serverUrl.substring(0, serverUrl.lastIndexOf('/') + 1) + database;
    LOG.infof("Tests use the database %s", url);
    return Map.of(
        "quarkus.datasource.jdbc.url", url,
        "quarkus.datasource.username", user,
        "quarkus.datasource.password", password);
  }

  @Override
  public void stop() {
    try {
      execute("DROP DATABASE IF EXISTS " + database + " WITH (FORCE)");
    } finally {
      if (embedded != null) {
        embedded.close();
        deleteRecursively(embeddedDir);
      }
    }
  }

  private void startEmbedded() {
    try {
      embeddedDir = Files.createTempDirectory("nightshift-test-pg");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    LOG.infof("No PostgreSQL answers at %s: starting an embedded one", serverUrl);
    embedded = EmbeddedDatabase.start(embeddedDir.resolve("data"), embeddedDir.resolve("bin"), 0);
    serverUrl = embedded.jdbcUrl("postgres");
    user = EmbeddedDatabase.USER;
    password = "";
  }

  private boolean answers(String url) {
    var properties = new Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("connectTimeout", "3");
    try (var c = DriverManager.getConnection(url, properties)) {
      return c.isValid(3);
    } catch (SQLException e) {
      return false;
    }
  }

  private void execute(String sql) {
    try (var c = DriverManager.getConnection(serverUrl, user, password);
        var statement = c.createStatement()) {
      statement.execute(sql);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run '" + sql + "' on " + serverUrl, e);
    }
  }

  private static String setting(String name, String fallback) {
    var value = System.getProperty("nightshift.test-database." + name);
    if (value == null) {
      value = System.getenv("NIGHTSHIFT_TEST_DATABASE_" + name.toUpperCase());
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  private static void deleteRecursively(Path dir) {
    try (Stream<Path> paths = Files.walk(dir)) {
      paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException e) {
      LOG.warnf(e, "Could not delete %s", dir);
    }
  }
}
