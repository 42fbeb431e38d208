package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;
import dev.nightshift.testkit.PostgresTestResource;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tracing is switched on by the OTLP endpoint alone and is silent without one; JSON logs are one
 * setting away. Checked on the packaged application with a real OTLP/HTTP receiver.
 */
class TelemetryIT {

  @TempDir Path dir;
  private final PostgresTestResource database = new PostgresTestResource();
  private Map<String, String> env;

  @BeforeEach
  void database() {
    var settings = database.start();
    env = new HashMap<>();
    env.put("QUARKUS_DATASOURCE_JDBC_URL", settings.get("quarkus.datasource.jdbc.url"));
    env.put("QUARKUS_DATASOURCE_USERNAME", settings.get("quarkus.datasource.username"));
    env.put("QUARKUS_DATASOURCE_PASSWORD", settings.get("quarkus.datasource.password"));
  }

  @AfterEach
  void dropDatabase() {
    database.stop();
  }

  @Test
  void anOtlpEndpointAloneSwitchesTracingOnAndJsonLogsAreAnOption() throws Exception {
    var spansReceived = new CountDownLatch(1);
    var exports = new CopyOnWriteArrayList<byte[]>();
    var collector = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    collector.createContext(
        "/v1/traces",
        exchange -> {
          exports.add(exchange.getRequestBody().readAllBytes());
          exchange.sendResponseHeaders(200, -1);
          exchange.close();
          spansReceived.countDown();
        });
    collector.start();
    try {
      env.put(
          "QUARKUS_OTEL_EXPORTER_OTLP_ENDPOINT",
          "http://127.0.0.1:" + collector.getAddress().getPort());
      env.put("QUARKUS_OTEL_EXPORTER_OTLP_PROTOCOL", "http/protobuf");
      env.put("QUARKUS_OTEL_BSP_SCHEDULE_DELAY", "100ms");
      env.put("QUARKUS_LOG_CONSOLE_JSON_ENABLED", "true");
      try (var app = AppProcess.start(dir.resolve("traced.log"), env)) {
        assertThat(app.send("GET", "/api/v1/teams", null).statusCode(), equalTo(200));
        assertThat(
            "spans reach the collector", spansReceived.await(30, TimeUnit.SECONDS), equalTo(true));
        // A run triggered in a trace continues it: its attempt's span carries the trace id. The
        // run is delayed so that its span is exported apart from the HTTP request's span.
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        var triggered =
            app.send(
                "POST",
                "/api/v1/tasks/selftest-noop/trigger",
                "{\"payload\": {}, \"options\": {\"delay\": \"1500ms\"}}",
                Map.of("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01"));
        assertThat(triggered.body(), triggered.statusCode(), equalTo(200));
        byte[] runSpanName = "run selftest-noop".getBytes(StandardCharsets.UTF_8);
        await()
            .atMost(Duration.ofSeconds(30))
            .until(() -> exports.stream().anyMatch(body -> indexOf(body, runSpanName) >= 0));
        var withRunSpan = exports.stream().filter(body -> indexOf(body, runSpanName) >= 0).toList();
        assertThat(
            "the run's span is in the trigger's trace",
            withRunSpan.stream()
                .allMatch(body -> indexOf(body, HexFormat.of().parseHex(traceId)) >= 0),
            equalTo(true));
        var json = new ObjectMapper();
        for (String line : app.log().lines().filter(l -> !l.isBlank()).toList()) {
          assertThat(line, json.readTree(line).has("message"), equalTo(true));
        }
      }
    } finally {
      collector.stop(0);
    }
  }

  private static int indexOf(byte[] haystack, byte[] needle) {
    outer:
    for (int i = 0; i <= haystack.length - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (haystack[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  @Test
  void withoutAnEndpointNothingTriesToExport() throws Exception {
    String log;
    try (var app = AppProcess.start(dir.resolve("silent.log"), env)) {
      assertThat(app.send("GET", "/api/v1/teams", null).statusCode(), equalTo(200));
      // Stopping flushes every pending span: an enabled SDK would try to export them here.
    }
    log = java.nio.file.Files.readString(dir.resolve("silent.log"));
    assertThat(log, not(containsString("Failed to export")));
    assertThat(log, not(containsString("4317")));
  }
}
