package dev.nightshift.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.nightshift.testkit.PostgresTestResource;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application's two ways to find its database, each started twice as a real process:
 * the embedded default keeps its data across a restart, and a configured server is used instead of
 * it, migrated when empty and started again once migrated.
 */
class DatabaseStartupIT {

  @TempDir Path dir;

  @Test
  void withoutAUrlTheEmbeddedDatabaseStartsAndKeepsItsDataAcrossRestarts() throws Exception {
    var env = Map.of("NIGHTSHIFT_EMBEDDED_DATABASE_DATA_DIR", dir.resolve("postgres").toString());
    String team;
    try (var app = AppProcess.start(dir.resolve("first.log"), env)) {
      assertThat(
          app.log(),
          containsString("starting the embedded PostgreSQL in " + dir.resolve("postgres")));
      var created = app.send("POST", "/api/v1/teams", "{\"name\":\"Kept\",\"slug\":\"kept\"}");
      assertThat(created.body(), created.statusCode(), equalTo(201));
      team = created.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
    }
    try (var app = AppProcess.start(dir.resolve("second.log"), env)) {
      var read = app.send("GET", "/api/v1/teams/" + team, null);
      assertThat(read.body(), read.statusCode(), equalTo(200));
      assertThat(read.body(), containsString("\"slug\":\"kept\""));
    }
  }

  @Test
  void withAUrlThatServerIsUsedAndMigratedOnceEmptyThenStartsMigrated() throws Exception {
    var database = new PostgresTestResource();
    Map<String, String> settings = database.start();
    try {
      var env = new HashMap<String, String>();
      env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"));
      env.put("QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username"));
      env.put("QUARKUS_DATASOURCE_PASSWORD", settings.get("quarkus.datasource.password"));
      // Were the embedded server to start anyway, it would fail on this unwritable directory.
      env.put("NIGHTSHIFT_EMBEDDED_DATABASE_DATA_DIR", "/proc/nightshift-must-not-write-here");

      try (var app = AppProcess.start(dir.resolve("empty.log"), env)) {
        assertThat(app.log(), not(containsString("embedded PostgreSQL")));
        assertThat(app.log(), containsString("Successfully applied"));
      }
      try (var app = AppProcess.start(dir.resolve("migrated.log"), env)) {
        assertThat(app.log(), containsString("is up to date. No migration necessary."));
        assertThat(app.send("GET", "/api/v1/teams", null).statusCode(), equalTo(200));
      }
    } finally {
      database.stop();
    }
  }
}
