package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.app.demo.SampleInvoice;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Inbound emails the packaged application accepted survive its being killed (SIGKILL) while it
 * extracts them: a new node on the same database and blob directory extracts every one, and none is
 * stored twice. Node logs stay in {@code target/it-logs/InboxCrashIT/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class InboxCrashIT {

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final int EMAILS = 40;
  private static final String TOKEN = "crash-test-token";

  @RegisterExtension final FreshDatabase database = new FreshDatabase();

  @Test
  void everyAcceptedEmailIsExtractedAfterTheNodeIsKilledMidway() throws Exception {
    var env = new HashMap<>(database.nodeEnv());
    env.put("NIGHTSHIFT_WORKER_LEASE", "3s");
    env.put("NIGHTSHIFT_WORKER_HEARTBEAT", "1s");
    env.put("NIGHTSHIFT_RUNS_MAINTENANCE_INTERVAL", "500ms");
    env.put("NIGHTSHIFT_INBOX_POSTMARK_TOKEN", TOKEN);
    // One document at a time, so that the node dies with most of them still to extract.
    env.put("JAVA_TOOL_OPTIONS", "-Dnightshift.tasks.process-document.concurrency-limit=1");
    var logs = Path.of("target", "it-logs", "InboxCrashIT");
    var accepted = new HashSet<String>();
    long unprocessedAtKill;
    try (var first = Cluster.start(logs.resolve("first"), 1, env)) {
      var node = first.node(0);
      var team = created(node, "/api/v1/teams", Map.of("name", "Inbox", "slug", "inbox"));
      var address =
          JSON.readTree(node.send("GET", "/api/v1/inbox/address?team=" + team, null).body())
              .path("address")
              .asText();
      for (int n = 0; n < EMAILS; n++) {
        var response =
            node.send(
                "POST",
                "/webhooks/postmark/inbound?token=" + TOKEN,
                JSON.writeValueAsString(email(address, n)));
        assertThat(response.body(), response.statusCode(), equalTo(200));
        var received = JSON.readTree(response.body()).path("attachments").get(0);
        assertThat(received.toString(), received.path("outcome").asText(), equalTo("CREATED"));
        accepted.add(received.path("itemId").asText());
      }
      unprocessedAtKill = processed() < EMAILS ? EMAILS - processed() : 0;
      node.kill();
    }
    assertThat("documents still to extract when the node died", unprocessedAtKill, greaterThan(0L));

    try (var second = Cluster.start(logs.resolve("second"), 1, env)) {
      try {
        await()
            .atMost(Duration.ofSeconds(120))
            .pollInterval(Duration.ofMillis(250))
            .until(() -> processed() == EMAILS);
      } catch (ConditionTimeoutException e) {
        // What the engine was doing, so that a run that never ends can be told from one never
        // claimed.
        throw new AssertionError(
            "not every item was extracted; runs: "
                + database
                    .runs()
                    .counts(
                        "SELECT task_id || ' ' || status || ' attempt ' || attempt"
                            + " || CASE WHEN run_at > now() THEN ' later' ELSE '' END, count(*)"
                            + " FROM engine.runs GROUP BY 1 ORDER BY 1")
                + "; items: "
                + database
                    .runs()
                    .counts("SELECT status, count(*) FROM inbox.items GROUP BY 1 ORDER BY 1"),
            e);
      }
    }

    Set<String> stored =
        new HashSet<>(
            database.runs().ids("SELECT id FROM inbox.items").stream()
                .map(UUID::toString)
                .toList());
    assertThat("every accepted email is an item, once", stored, equalTo(accepted));
    assertThat(
        database.runs().counts("SELECT status, count(*) FROM inbox.items GROUP BY 1"),
        equalTo(Map.of("PROCESSED", (long) EMAILS)));
    assertThat(
        "each item read its own document",
        database.runs().count("SELECT count(DISTINCT invoice_number) FROM inbox.items"),
        equalTo((long) EMAILS));
  }

  private long processed() throws Exception {
    return database.runs().count("SELECT count(*) FROM inbox.items WHERE status = 'PROCESSED'");
  }

  private static Map<String, Object> email(String address, int n) throws Exception {
    var issued = LocalDate.of(2026, 11, 1 + n % 9);
    var pdf =
        new SampleInvoice(
                "Crash Test Supplies GmbH",
                "CT-" + (1000 + n),
                issued,
                issued.plusDays(14),
                BigDecimal.valueOf(100 + n),
                BigDecimal.valueOf(20),
                "EUR")
            .pdf();
    return Map.of(
        "From",
        "billing@crash.example",
        "To",
        address,
        "ToFull",
        List.of(Map.of("Email", address, "Name", "", "MailboxHash", "")),
        "Subject",
        "Invoice CT-" + (1000 + n),
        "MessageID",
        UUID.randomUUID().toString(),
        "Attachments",
        List.of(
            Map.of(
                "Name",
                "invoice-" + n + ".pdf",
                "Content",
                Base64.getEncoder().encodeToString(pdf),
                "ContentType",
                "application/pdf",
                "ContentLength",
                pdf.length)));
  }

  private static String created(AppProcess node, String path, Object body) throws Exception {
    var response = node.send("POST", path, JSON.writeValueAsString(body));
    assertThat(response.body(), response.statusCode(), equalTo(201));
    return JSON.readTree(response.body()).path("id").asText();
  }
}
