package dev.nightshift.inbox.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.greaterThan;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * How well and how fast matching works, against the real database. Runs only when asked
 * (docs/benchmarks.md#inbox-matching):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/inbox -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=MatchingBenchmarkIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * The report goes to stdout and to {@code target/matching-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class MatchingBenchmarkIntegrationTest {

  private static final LocalDate START = LocalDate.of(2025, 1, 1);
  private static final List<String> VENDORS =
      List.of(
          "Figma",
          "Slack",
          "Notion",
          "GitHub",
          "Atlassian",
          "Adobe",
          "Dropbox",
          "Google Cloud",
          "Microsoft",
          "Zoom Video",
          "Linear",
          "Vercel",
          "Hetzner Online",
          "DigitalOcean",
          "Heroku",
          "Mailchimp",
          "HubSpot",
          "Salesforce",
          "Canva",
          "Miro",
          "Asana",
          "Calendly",
          "Loom",
          "Intercom",
          "Zendesk",
          "Twilio",
          "SendGrid",
          "Cloudflare",
          "Datadog",
          "Sentry",
          "JetBrains",
          "1Password",
          "Lufthansa",
          "Deutsche Bahn",
          "Uber",
          "Airbnb",
          "WeWork",
          "Regus",
          "Personio",
          "Pleo");
  private static final List<String> SUFFIXES = List.of("", " Inc.", " GmbH", " Ltd", " B.V.");
  private static final List<String> UNRELATED =
      List.of("CARD PAYMENT", "SEPA DIRECT DEBIT", "ONLINE PURCHASE", "MONTHLY SUBSCRIPTION");

  @Inject DataSource dataSource;
  @Inject TeamStore teams;
  @Inject Matcher matcher;
  @Inject Engine engine;
  @Inject EngineTestKit kit;

  private final StringBuilder report = new StringBuilder();

  @Test
  @Order(1)
  void precisionAndRecallOnANoisyLedger() throws IOException {
    var ledger = new Ledger(dataSource, teams);
    var team = ledger.team();
    var random = new Random(42);
    int pairs = Integer.getInteger("benchmark.pairs", 500);
    var truth = new HashMap<UUID, UUID>();
    int outsideWindow = 0;
    for (int i = 0; i < pairs; i++) {
      var vendor = VENDORS.get(random.nextInt(VENDORS.size()));
      var amount = amount(random);
      var invoiced = START.plusDays(random.nextInt(300));
      int offset = offset(random);
      if (offset > 45) {
        outsideWindow++;
      }
      var item =
          ledger.invoice(
              team,
              amount,
              "EUR",
              invoiced,
              vendor + SUFFIXES.get(random.nextInt(SUFFIXES.size())));
      var paid =
          ledger.transaction(
              team, invoiced.plusDays(offset), "-" + amount, "EUR", bankLabel(vendor, random));
      truth.put(item, paid);
      if (random.nextDouble() < 0.25) {
        var other = VENDORS.get(random.nextInt(VENDORS.size()));
        ledger.transaction(
            team,
            invoiced.plusDays(random.nextInt(40) - 5),
            "-" + amount,
            "EUR",
            bankLabel(other, random));
      }
      if (random.nextDouble() < 0.10) {
        ledger.transaction(
            team,
            invoiced.plusDays(random.nextInt(10)),
            "-" + amount,
            "USD",
            vendor.toUpperCase(Locale.ROOT));
      }
    }
    int unpaid = pairs / 5;
    var unpaidItems = new ArrayList<UUID>();
    for (int i = 0; i < unpaid; i++) {
      unpaidItems.add(
          ledger.invoice(
              team,
              amount(random),
              "EUR",
              START.plusDays(random.nextInt(300)),
              VENDORS.get(random.nextInt(VENDORS.size()))));
    }
    int noise = pairs * 10;
    for (int i = 0; i < noise; i++) {
      ledger.transaction(
          team,
          START.plusDays(random.nextInt(360)),
          "-" + amount(random),
          "EUR",
          bankLabel(VENDORS.get(random.nextInt(VENDORS.size())), random));
    }

    int linked = 0;
    int linkedRight = 0;
    int answered = 0;
    int answeredRight = 0;
    int suggestedWithRightOne = 0;
    var all = new ArrayList<>(truth.keySet());
    all.addAll(unpaidItems);
    for (var item : all) {
      matcher.match(team, item);
      var expected = truth.get(item);
      var status = ledger.matchStatus(item);
      UUID answer = null;
      if ("MATCHED".equals(status)) {
        answer = ledger.linkedTransaction(item);
        linked++;
        if (answer.equals(expected)) {
          linkedRight++;
        }
      } else if ("SUGGESTED".equals(status)) {
        answer =
            ledger.queryOne(
                "SELECT transaction_id FROM inbox.suggestions WHERE inbox_id = ?"
                    + " ORDER BY score DESC, transaction_id LIMIT 1",
                UUID.class,
                item);
        if (expected != null
            && ledger.suggestion(item, expected) != null
            && ledger.suggestion(item, expected).startsWith("PENDING")) {
          suggestedWithRightOne++;
        }
      }
      if (answer != null) {
        answered++;
        if (answer.equals(expected)) {
          answeredRight++;
        }
      }
    }
    line("## (a) precision and recall on a noisy synthetic ledger");
    line(
        "%d true pairs (%d paid outside the 45-day window), %d documents never paid, %d noise"
            + " transactions; decoys: 25%% of documents have a same-amount transaction of another"
            + " vendor in the window, 10%% the same figure in USD",
        pairs, outsideWindow, unpaid, noise);
    line(
        "auto-links: %d, right %d: precision %.3f, recall %.3f",
        linked, linkedRight, ratio(linkedRight, linked), ratio(linkedRight, pairs));
    line(
        "best answer (the link, else the top suggestion): %d answered, right %d: precision %.3f,"
            + " recall %.3f",
        answered, answeredRight, ratio(answeredRight, answered), ratio(answeredRight, pairs));
    line(
        "right transaction among an item's pending suggestions (not linked): %d",
        suggestedWithRightOne);
    assertThat(linked, greaterThan(0));
    write();
  }

  @Test
  @Order(2)
  void matchTimeAgainstAMillionTransactions() throws Exception {
    var ledger = new Ledger(dataSource, teams);
    var team = ledger.team();
    int transactions = Integer.getInteger("benchmark.transactions", 1_000_000);
    int documents = Integer.getInteger("benchmark.documents", 10_000);
    long fill = System.nanoTime();
    ledger.fillTransactions(team, transactions, LocalDate.of(2024, 1, 1), 730);
    ledger.execute(
        "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
            + " content_type, size, status, kind, amount, currency, invoice_date, vendor)"
            + " SELECT gen_random_uuid(), ?, 'bench-' || t.id, 'UPLOAD', 'blob', 'i.pdf',"
            + " 'application/pdf', 1, 'PROCESSED', 'INVOICE', -t.amount, 'EUR',"
            + " t.date - (random() * 10)::int, 'Vendor ' || substr(t.name, 8)"
            + " FROM (SELECT * FROM transactions.transactions WHERE team_id = ?"
            + " ORDER BY random() LIMIT ?) AS t",
        team,
        team,
        documents);
    ledger.execute("ANALYZE inbox.items");
    double fillSeconds = (System.nanoTime() - fill) / 1e9;
    var items = new ArrayList<UUID>();
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT id FROM inbox.items WHERE team_id = ? ORDER BY id")) {
      select.setObject(1, team);
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          items.add(rs.getObject(1, UUID.class));
        }
      }
    }
    var plan = plan(team);

    // A sample through the task as production runs it: one run, its items one by one.
    int sample = Math.min(500, items.size() / 10);
    var run =
        engine.trigger(
            MatchInboxTask.ID,
            new MatchInboxTask.Payload(team, items.subList(0, sample)),
            MatchInboxTask.options(team));
    await()
        .atMost(Duration.ofMinutes(10))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                kit.triggered(MatchInboxTask.ID).stream()
                    .filter(r -> r.id().equals(run.id()))
                    .anyMatch(r -> r.status().isTerminal()));
    var view =
        kit.triggered(MatchInboxTask.ID).stream()
            .filter(r -> r.id().equals(run.id()))
            .findFirst()
            .orElseThrow();
    double taskMs = Duration.between(view.startedAt(), view.finishedAt()).toNanos() / 1e6 / sample;

    // The rest through the matcher directly, timing each document.
    var rest = items.subList(sample, items.size());
    var nanos = new long[rest.size()];
    var outcomes = new HashMap<Matcher.Outcome, Integer>();
    long all = System.nanoTime();
    for (int i = 0; i < rest.size(); i++) {
      long t = System.nanoTime();
      outcomes.merge(matcher.match(team, rest.get(i)), 1, Integer::sum);
      nanos[i] = System.nanoTime() - t;
    }
    double allSeconds = (System.nanoTime() - all) / 1e9;
    Arrays.sort(nanos);
    line("## (b) %,d documents against %,d transactions of one team", documents, transactions);
    line("fill (generate_series, ANALYZE): %.1f s", fillSeconds);
    line("candidate query plan: %s", plan);
    line(
        "match-inbox run of %d items: %.2f ms per item (run started to finished / items); output"
            + " %s",
        sample, taskMs, view.output());
    line(
        "Matcher.match, %,d items one after another: p50 %.2f ms, p99 %.2f ms, max %.2f ms;"
            + " %.0f items/s; outcomes %s",
        rest.size(),
        nanos[nanos.length / 2] / 1e6,
        nanos[(int) (nanos.length * 0.99)] / 1e6,
        nanos[nanos.length - 1] / 1e6,
        rest.size() / allSeconds,
        outcomes);
    write();
  }

  private String plan(UUID team) throws Exception {
    try (var c = dataSource.getConnection();
        var explain =
            c.prepareStatement(
                "EXPLAIN (ANALYZE, COSTS OFF) SELECT id FROM transactions.transactions"
                    + " WHERE team_id = ? AND amount = -100.00 AND date BETWEEN DATE '2024-06-01'"
                    + " AND DATE '2024-08-31' AND status = 'POSTED'"
                    + " ORDER BY abs(date - DATE '2024-07-15'), date, id LIMIT 20")) {
      explain.setObject(1, team);
      var lines = new ArrayList<String>();
      try (var rs = explain.executeQuery()) {
        while (rs.next()) {
          lines.add(rs.getString(1).trim());
        }
      }
      return String.join(" | ", lines);
    }
  }

  private static String amount(Random random) {
    return String.format(Locale.ROOT, "%.2f", 5 + random.nextInt(199_500) / 100.0);
  }

  /** Days from invoice to payment: mostly within a month, some late, a few early. */
  private static int offset(Random random) {
    double p = random.nextDouble();
    if (p < 0.70) {
      return random.nextInt(31);
    }
    if (p < 0.85) {
      return 31 + random.nextInt(15);
    }
    if (p < 0.95) {
      return -1 - random.nextInt(3);
    }
    return 46 + random.nextInt(15);
  }

  /** How a bank might print the vendor. */
  private static String bankLabel(String vendor, Random random) {
    var upper = vendor.toUpperCase(Locale.ROOT);
    double p = random.nextDouble();
    if (p < 0.35) {
      return upper + (random.nextBoolean() ? " INC" : "");
    }
    if (p < 0.50) {
      return "PAYPAL *" + upper.replace(" ", "");
    }
    if (p < 0.65) {
      return upper.replace(" ", "") + ".COM";
    }
    if (p < 0.75) {
      return upper + " " + (1000 + random.nextInt(9000)) + "X" + random.nextInt(10);
    }
    if (p < 0.85 && upper.length() > 5) {
      int drop = 1 + random.nextInt(upper.length() - 2);
      return upper.substring(0, drop) + upper.substring(drop + 1);
    }
    return UNRELATED.get(random.nextInt(UNRELATED.size()));
  }

  private static double ratio(int part, int whole) {
    return whole == 0 ? 0 : (double) part / whole;
  }

  private void line(String format, Object... args) {
    report.append(String.format(Locale.ROOT, format, args)).append('\n');
  }

  private void write() throws IOException {
    System.out.println(report);
    Files.writeString(
        Path.of("target/matching-benchmark.txt"),
        report.toString(),
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
    report.setLength(0);
  }
}
