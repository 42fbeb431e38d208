package dev.nightshift.testkit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.net.ServerSocket;
import java.sql.DriverManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PostgresTestResourceTest {

  @AfterEach
  void forgetServer() {
    System.clearProperty("nightshift.test-database.url");
  }

  @Test
  void fallsBackToAnEmbeddedServerWhenNoneAnswers() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0)) {
      closedPort = socket.getLocalPort();
    }
    System.setProperty(
        "nightshift.test-database.url", "jdbc:postgresql://127.0.0.1:" + closedPort + "/postgres");
    var resource = new PostgresTestResource();
    var settings = resource.start();
    try {
      String url = settings.get("quarkus.datasource.jdbc.url");
      assertFalse(url.contains(":" + closedPort + "/"), url);
      try (var c =
              DriverManager.getConnection(
                  url,
                  settings.get("quarkus.datasource.username"),
                  settings.get("quarkus.datasource.password"));
          var rs =
              c.createStatement()
                  .executeQuery("SELECT current_setting('server_version_num')::int / 10000")) {
        rs.next();
        assertEquals(17, rs.getInt(1), "the embedded server is PostgreSQL 17");
      }
    } finally {
      resource.stop();
    }
  }
}
