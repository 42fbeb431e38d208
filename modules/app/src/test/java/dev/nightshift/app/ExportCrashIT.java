package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * An export whose node is killed (SIGKILL) while it writes the archive completes on a new node: the
 * retry writes the same vault path from scratch, the crashed attempt's unfinished file is gone, and
 * the archive holds every transaction once. Node logs stay in {@code
 * target/it-logs/ExportCrashIT/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ExportCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int TRANSACTIONS = 200_000;
  private static final Path VAULT_TMP = Path.of("target", "it-blobs", "vault-tmp");

  @RegisterExtension final FreshDatabase database = new FreshDatabase();

  @Test
  void anExportKilledMidwayCompletesOnTheNextNodeWithNothingLeftBehind() throws Exception {
    var env = new HashMap<>(database.nodeEnv());
    env.put("NIGHTSHIFT_WORKER_LEASE", "3s");
    env.put("NIGHTSHIFT_WORKER_HEARTBEAT", "1s");
    env.put("NIGHTSHIFT_RUNS_MAINTENANCE_INTERVAL", "500ms");
    // Small pages, so that the export takes long enough to be killed in the middle.
    env.put("NIGHTSHIFT_EXPORTS_PAGE_SIZE", "100");
    var logs = Path.of("target", "it-logs", "ExportCrashIT");
    String exportId;
    try (var first = Cluster.start(logs.resolve("first"), 1, env)) {
      var node = first.node(0);
      var team = created(node, "/api/v1/teams", Map.of("name", "Exports", "slug", "exports"));
      seed(UUID.fromString(team));
      var response =
          node.send(
              "POST",
              "/api/v1/exports?team=" + team,
              JSON.writeValueAsString(Map.of("options", Map.of("includeAttachments", false))));
      assertThat(response.body(), response.statusCode(), equalTo(202));
      exportId = JSON.readTree(response.body()).path("id").asText();
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(10))
          .until(() -> !unfinished().isEmpty());
      node.kill();
    }
    assertThat(
        "the export was still running when its node died", status(exportId), equalTo("RUNNING"));

    try (var second = Cluster.start(logs.resolve("second"), 1, env)) {
      var node = second.node(0);
      await()
          .atMost(Duration.ofSeconds(120))
          .pollInterval(Duration.ofMillis(250))
          .until(() -> status(exportId).equals("COMPLETED"));
      var export = JSON.readTree(node.send("GET", "/api/v1/exports/" + exportId, null).body());
      var link = URI.create(export.path("downloadUrl").asText());
      var archive =
          HttpClient.newHttpClient()
              .send(
                  HttpRequest.newBuilder(
                          URI.create(
                              "http://localhost:"
                                  + node.port
                                  + link.getRawPath()
                                  + "?"
                                  + link.getRawQuery()))
                      .build(),
                  HttpResponse.BodyHandlers.ofByteArray());
      assertThat(archive.statusCode(), equalTo(200));
      var ids = new HashSet<String>();
      try (var zip = new ZipInputStream(new ByteArrayInputStream(archive.body()))) {
        var entry = zip.getNextEntry();
        assertThat(entry.getName(), equalTo("transactions.csv"));
        var csv =
            CSVFormat.RFC4180
                .builder()
                .setHeader()
                .get()
                .parse(new InputStreamReader(zip, StandardCharsets.UTF_8));
        for (var record : csv) {
          ids.add(record.get("ID"));
        }
      }
      assertThat("every transaction once", ids.size(), equalTo(TRANSACTIONS));
      assertThat(
          ids,
          equalTo(
              new HashSet<>(
                  database.runs().ids("SELECT id FROM transactions.transactions").stream()
                      .map(UUID::toString)
                      .toList())));
    }
    assertThat(
        "the export's run was retried after the crash",
        database
                .runs()
                .count(
                    "SELECT r.attempt FROM engine.runs r JOIN exports.exports e ON e.run_id = r.id"
                        + " WHERE e.id = ?::uuid",
                    exportId)
            >= 2,
        equalTo(true));
    assertThat("nothing unfinished is left in the vault", unfinished(), empty());
  }

  private void seed(UUID team) throws Exception {
    var connection = UUID.randomUUID();
    var account = UUID.randomUUID();
    database
        .runs()
        .execute(
            "INSERT INTO transactions.bank_connections (id, team_id, provider)"
                + " VALUES (?, ?, 'sandbox')",
            connection,
            team);
    database
        .runs()
        .execute(
            "INSERT INTO transactions.bank_accounts (id, team_id, connection_id,"
                + " provider_account_id, name, type, currency)"
                + " VALUES (?, ?, ?, 'acc', 'Checking', 'DEPOSITORY', 'EUR')",
            account,
            team,
            connection);
    database
        .runs()
        .execute(
            "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date,"
                + " amount, currency, name, method, status) SELECT gen_random_uuid(), ?, ?,"
                + " 'crash:' || g, DATE '2026-11-30' - g / 100, -g, 'EUR', 'Payment ' || g,"
                + " 'CARD_PURCHASE', 'POSTED' FROM generate_series(1, ?) AS g",
            team,
            account,
            TRANSACTIONS);
  }

  private String status(String exportId) throws Exception {
    var statuses =
        database
            .runs()
            .counts(
                "SELECT status, count(*) FROM exports.exports WHERE id = ?::uuid GROUP BY 1",
                exportId);
    return statuses.keySet().stream().findFirst().orElse("MISSING");
  }

  private static List<Path> unfinished() throws Exception {
    if (!Files.isDirectory(VAULT_TMP)) {
      return List.of();
    }
    try (var files = Files.list(VAULT_TMP)) {
      return files.toList();
    }
  }

  private static String created(AppProcess node, String path, Object body) throws Exception {
    var response = node.send("POST", path, JSON.writeValueAsString(body));
    assertThat(response.body(), response.statusCode(), equalTo(201));
    return JSON.readTree(response.body()).path("id").asText();
  }
}
