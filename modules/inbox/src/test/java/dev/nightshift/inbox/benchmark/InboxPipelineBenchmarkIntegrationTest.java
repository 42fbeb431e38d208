package dev.nightshift.inbox.benchmark;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.inbox.intake.Incoming;
import dev.nightshift.inbox.intake.Intake;
import dev.nightshift.inbox.intake.Received;
import dev.nightshift.inbox.item.Source;
import dev.nightshift.inbox.matching.Ledger;
import dev.nightshift.inbox.matching.MatchInboxTask;
import dev.nightshift.inbox.processing.ProcessDocumentTask;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The inbox end to end: generated text-PDF bills go in as uploads, and the real process-document
 * and match-inbox runs take them, on the engine's worker with the shipped task limits, against a
 * team of a million transactions. Runs only when asked
 * (docs/benchmarks.md#inbox-the-whole-pipeline):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/inbox -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=InboxPipelineBenchmarkIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.documents} (10,000), {@code -Dbenchmark.transactions} (1,000,000), {@code
 * -Dbenchmark.paid} (share of bills with a transaction, 0.7), {@code -Dbenchmark.rest} (bills sent
 * through {@code POST /api/v1/inbox/uploads} rather than {@code Intake.accept}, 100), {@code
 * -Dbenchmark.senders} (threads offering bills, 4) and {@code -Dbenchmark.seed} change it. The
 * report goes to stdout and is appended to {@code target/pipeline-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(InboxPipelineBenchmarkIntegrationTest.Shipped.class)
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class InboxPipelineBenchmarkIntegrationTest {

  private static final int DOCUMENTS = Integer.getInteger("benchmark.documents", 10_000);
  private static final int TRANSACTIONS = Integer.getInteger("benchmark.transactions", 1_000_000);
  private static final double PAID =
      Double.parseDouble(System.getProperty("benchmark.paid", "0.7"));
  private static final int REST = Integer.getInteger("benchmark.rest", 100);
  private static final int SENDERS = Integer.getInteger("benchmark.senders", 4);
  private static final long SEED = Long.getLong("benchmark.seed", 20240601L);
  private static final int WARM_UP = 200;

  /** The corpus dates its bills from 2023-01-01 over 1,000 days; payments follow within a week. */
  private static final LocalDate LEDGER_START = LocalDate.of(2023, 1, 1);

  private static final int LEDGER_DAYS = 1_010;

  /** The shipped worker settings, not the tests' fast loops. */
  public static class Shipped implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "nightshift.worker.poll-interval", "1s",
          "nightshift.worker.lease", "30s",
          "nightshift.worker.heartbeat", "10s",
          "nightshift.runs.maintenance-interval", "5s",
          "nightshift.waits.poll-interval", "1s",
          "nightshift.events.poll-interval", "1s");
    }
  }

  @Inject DataSource dataSource;
  @Inject TeamStore teams;
  @Inject Intake intake;

  @Test
  void tenThousandBillsAgainstAMillionTransactions() throws Exception {
    var ledger = new Ledger(dataSource, teams);
    warmUp();

    var api = TestApi.newTeam();
    var team = api.teamId();
    ledger.connectBank(team);
    long fill = System.nanoTime();
    ledger.fillTransactions(team, TRANSACTIONS, LEDGER_START, LEDGER_DAYS);
    double fillSeconds = (System.nanoTime() - fill) / 1e9;
    long generate = System.nanoTime();
    var bills = Bills.generate(SEED, DOCUMENTS, PAID);
    Bills.book(dataSource, team, ledger.account(team), bills);
    ledger.execute("ANALYZE transactions.transactions");
    double generateSeconds = (System.nanoTime() - generate) / 1e9;

    var load = new MachineLoad();
    var restTimes = new ArrayList<Duration>();
    for (var bill : bills.subList(0, Math.min(REST, bills.size()))) {
      restTimes.add(upload(api, bill));
    }
    var acceptTimes = offer(team, bills.subList(Math.min(REST, bills.size()), bills.size()));
    awaitPipeline(team, bills.size(), Duration.ofMinutes(120));
    var loadSeen = load.since();

    var traces = Trace.read(dataSource, team);
    assertThat(traces.size(), equalTo(bills.size()));
    var report =
        new PipelineReport(
            bills.stream().collect(Collectors.toMap(Bill::reference, Function.identity())), traces);
    report.line(
        "## %,d documents against %,d transactions (%s, %d CPUs, Java %s)",
        bills.size(),
        TRANSACTIONS,
        LocalDate.now(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.version());
    report.line(
        "fill %.1f s; %,d bills generated and %,d payments booked in %.1f s; %d through REST, the"
            + " rest through Intake.accept from %d threads; seed %d",
        fillSeconds,
        bills.size(),
        bills.stream().filter(b -> b.payment() != null).count(),
        generateSeconds,
        restTimes.size(),
        SENDERS,
        SEED);
    report.line("");
    report.times(restTimes, acceptTimes);
    report.line("");
    report.throughput();
    report.line("from the first upload until the pipeline was seen done: %s", loadSeen);
    report.line("");
    StepTimes.table(dataSource, team).forEach(line -> report.line("%s", line));
    report.line("");
    report.timeline(Duration.ofSeconds(30));
    report.line("");
    report.extraction();
    report.line("");
    report.matching();
    write(report.text());
  }

  /** Loads the extractors and warms the JIT on another team, as a running service would be. */
  private void warmUp() throws Exception {
    var team = TestApi.newTeam().teamId();
    var bills = Bills.generate(SEED + 1, WARM_UP, 0);
    offer(team, bills);
    awaitPipeline(team, bills.size(), Duration.ofMinutes(10));
  }

  private static Duration upload(TestApi api, Bill bill) {
    long start = System.nanoTime();
    api.request()
        .multiPart("file", bill.truth().id() + ".pdf", bill.pdf(), "application/pdf")
        .multiPart("reference", bill.truth().id())
        .post("/api/v1/inbox/uploads")
        .then()
        .statusCode(202);
    return Duration.ofNanos(System.nanoTime() - start);
  }

  /** Offers the bills from {@link #SENDERS} threads at once; returns each call's time. */
  private List<Duration> offer(UUID team, List<Bill> bills) throws Exception {
    var times = Collections.synchronizedList(new ArrayList<Duration>());
    try (var senders = Executors.newFixedThreadPool(SENDERS)) {
      var sent = new ArrayList<Future<?>>();
      for (var bill : bills) {
        sent.add(senders.submit(() -> times.add(accept(team, bill))));
      }
      for (var future : sent) {
        future.get();
      }
    }
    return times;
  }

  private Duration accept(UUID team, Bill bill) {
    long start = System.nanoTime();
    var received =
        intake.accept(
            team,
            new Incoming(
                Source.UPLOAD,
                bill.reference(),
                bill.truth().id() + ".pdf",
                "application/pdf",
                bill.pdf(),
                null,
                null));
    var took = Duration.ofNanos(System.nanoTime() - start);
    if (received.outcome() != Received.Outcome.CREATED) {
      throw new IllegalStateException(bill.truth().id() + " was not taken: " + received);
    }
    return took;
  }

  /** Until every item is PROCESSED or FAILED and every run of both tasks has ended. */
  private void awaitPipeline(UUID team, int documents, Duration atMost) {
    await()
        .atMost(atMost)
        .pollInterval(Duration.ofSeconds(2))
        .until(() -> remaining(team, documents) == 0);
  }

  private long remaining(UUID team, int documents) throws SQLException {
    try (var c = dataSource.getConnection();
        var count =
            c.prepareStatement(
                "SELECT (SELECT count(*) FROM inbox.items WHERE team_id = ?"
                    + " AND status IN ('PROCESSED', 'FAILED')),"
                    + " (SELECT count(*) FROM engine.runs WHERE team_id = ? AND task_id IN (?, ?)"
                    + " AND status NOT IN ('COMPLETED', 'FAILED', 'CANCELED', 'TIMED_OUT',"
                    + " 'EXPIRED'))")) {
      count.setObject(1, team);
      count.setObject(2, team);
      count.setString(3, ProcessDocumentTask.ID);
      count.setString(4, MatchInboxTask.ID);
      try (var rs = count.executeQuery()) {
        rs.next();
        return documents - rs.getLong(1) + rs.getLong(2);
      }
    }
  }

  private static void write(String report) throws IOException {
    System.out.println(report);
    Files.writeString(
        Path.of("target/pipeline-benchmark.txt"),
        report + "\n",
        StandardOpenOption.CREATE,
        StandardOpenOption.APPEND);
  }
}
