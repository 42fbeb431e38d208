package dev.nightshift.app;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.testkit.PostgresTestResource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A run's event stream is served by any node: here by one that executes nothing, while another node
 * runs the attempt, so every update crosses nodes through PostgreSQL NOTIFY. A stream token issued
 * by one node opens the stream on the other.
 */
class RunStreamIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final HttpClient HTTP = HttpClient.newHttpClient();

  @TempDir Path dir;
  private final PostgresTestResource database = new PostgresTestResource();
  private Map<String, String> env;

  @BeforeEach
  void database() {
    env = new HashMap<>(Cluster.databaseEnv(database.start()));
  }

  @AfterEach
  void dropDatabase() {
    database.stop();
  }

  @Test
  void aNodeThatExecutesNothingStreamsARunAnotherNodeExecutes() throws Exception {
    var apiEnv = new HashMap<>(env);
    apiEnv.put("NIGHTSHIFT_WORKER_ENABLED", "false");
    try (var api = AppProcess.start(dir.resolve("api.log"), apiEnv);
        var worker = AppProcess.start(dir.resolve("worker.log"), env)) {
      var triggered =
          api.send(
              "POST",
              "/api/v1/tasks/selftest-record/trigger",
              "{\"payload\": {\"sleepMillis\": 1500}}");
      assertThat(triggered.body(), triggered.statusCode(), equalTo(200));
      String run = JSON.readTree(triggered.body()).get("id").asText();

      var events = stream(api, "/api/v1/runs/" + run + "/events", null);

      var statuses = events.stream().map(e -> e.get("status").asText()).toList();
      assertThat(statuses, hasItem("EXECUTING"));
      assertThat(statuses.getLast(), equalTo("COMPLETED"));
      assertThat(
          "the worker node ran it",
          events.getLast().get("output").asText().isEmpty(),
          equalTo(false));

      var token = JSON.readTree(api.send("POST", "/api/v1/runs/" + run + "/token", null).body());
      var again = stream(worker, token.get("url").asText(), token.get("token").asText());
      assertThat(
          "the other node accepts the token",
          again.getLast().get("status").asText(),
          equalTo("COMPLETED"));
    }
  }

  /** Reads a Server-Sent Events stream to its end: with the admin key, or with an access token. */
  private static List<com.fasterxml.jackson.databind.JsonNode> stream(
      AppProcess node, String path, String token) throws Exception {
    var uri =
        "http://localhost:"
            + node.port
            + path
            + (token == null
                ? ""
                : "?access_token=" + URLEncoder.encode(token, StandardCharsets.UTF_8));
    var request =
        HttpRequest.newBuilder(URI.create(uri))
            .timeout(Duration.ofSeconds(30))
            .header("Accept", "text/event-stream");
    if (token == null) {
      request.header("Authorization", "Bearer " + AppProcess.ADMIN_KEY);
    }
    var response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode(), equalTo(200));
    var events = new ArrayList<com.fasterxml.jackson.databind.JsonNode>();
    try (var lines = response.body()) {
      for (var line : (Iterable<String>) lines::iterator) {
        if (line.startsWith("data:")) {
          events.add(JSON.readTree(line.substring("data:".length()).trim()));
        }
      }
    }
    return events;
  }
}
