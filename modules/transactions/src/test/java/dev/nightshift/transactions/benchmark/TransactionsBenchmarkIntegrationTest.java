package dev.nightshift.transactions.benchmark;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.account.AccountStore;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.sandbox.SandboxProvider;
import dev.nightshift.transactions.sync.SyncTask;
import dev.nightshift.transactions.transaction.TransactionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;

/**
 * The module's write path and its sync, measured in one application with the real engine on a fresh
 * database of the local PostgreSQL server. Runs only when asked (docs/benchmarks.md):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/transactions -am -Dbenchmark=true \
 *     -Dtest=TransactionsBenchmarkIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.rows} and {@code -Dbenchmark.teams} change the sizes. The table goes to stdout
 * and to {@code target/transactions-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TransactionsBenchmarkIntegrationTest {

  private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
  private static final int TEAMS = Integer.getInteger("benchmark.teams", 10_000);
  // The one team's rows are spread over this many accounts, a page at a time.
  private static final int ACCOUNTS = 100;
  private static final int CHUNK = 1_000;
  private static final List<String> REPORT = new ArrayList<>();

  @Inject DataSource dataSource;
  @Inject SandboxProvider sandbox;
  @Inject TransactionStore store;
  @Inject ConnectionStore connections;
  @Inject AccountStore accounts;
  @Inject Engine engine;

  @Test
  @Order(1)
  void ingestOfOneTeam() throws Exception {
    var team = insertTeams(1).getFirst();
    var accountIds = insertAccounts(team);
    var generation = Meter.start(dataSource);
    var rows = SandboxRows.generate(sandbox, ROWS);
    report("generate (sandbox)", rows.size(), generation.stop());

    report("COPY, one statement", ROWS, measure(() -> copy(team, accountIds, rows)));
    truncate();
    for (int page : new int[] {250, 1_000}) {
      var first = measure(() -> assertUpserted(team, accountIds, rows, page, ROWS));
      report("upsert, pages of " + page, ROWS, first);
      var again = measure(() -> assertUpserted(team, accountIds, rows, page, 0));
      report("re-ingest unchanged, pages of " + page, ROWS, again);
      truncate();
    }
  }

  @Test
  @Order(2)
  void syncOfManyTeams() throws Exception {
    var teams = insertTeams(TEAMS);
    for (int from = 0; from < teams.size(); from += CHUNK) {
      var chunk = teams.subList(from, Math.min(teams.size(), from + CHUNK));
      QuarkusTransaction.requiringNew().run(() -> chunk.forEach(this::connectSandbox));
    }
    syncRound("sync, 31 days new", teams);
    syncRound("sync again, nothing new", teams);
  }

  @AfterAll
  static void writeReport() throws Exception {
    var table = String.join("\n", REPORT) + "\n";
    System.out.println(table);
    Files.writeString(Path.of("target", "transactions-benchmark.txt"), table);
  }

  /** As {@code Connecting} does, without the setup run: the sync reads the history itself. */
  private void connectSandbox(UUID team) {
    var linked = sandbox.link(new LinkRequest(null, "bench-" + team, null));
    var connection =
        new BankConnection(
            Ids.next(),
            team,
            sandbox.id(),
            linked.institutionId(),
            linked.institutionName(),
            linked.credentials().reference(),
            "CONNECTED",
            null,
            null,
            0,
            Instant.now());
    connections.insert(connection, linked.credentials());
    accounts.upsert(team, connection.id(), sandbox.accounts(linked.credentials()));
  }

  private void syncRound(String name, List<UUID> teams) throws SQLException {
    var meter = Meter.start(dataSource);
    var runs = new ArrayList<UUID>(teams.size());
    for (int from = 0; from < teams.size(); from += CHUNK) {
      var items =
          teams.subList(from, Math.min(teams.size(), from + CHUNK)).stream()
              .map(
                  team ->
                      new BatchItem(
                          new SyncTask.Payload(team),
                          TriggerOptions.defaults()
                              .withTeam(team)
                              .withConcurrencyKey(team.toString())))
              .toList();
      engine.batchTrigger(SyncTask.ID, items).forEach(r -> runs.add(r.id()));
    }
    await()
        .atMost(Duration.ofMinutes(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(() -> count(runs, "finished_at IS NOT NULL") == runs.size());
    var reading = meter.stop();
    assertThat(count(runs, "status = 'COMPLETED'"), equalTo((long) runs.size()));
    report(name + " (" + transactionCount() + " rows after)", runs.size(), reading);
  }

  private long assertUpserted(
      UUID team, List<UUID> accountIds, List<ProviderTransaction> rows, int page, int created) {
    long made = 0;
    for (int from = 0; from < rows.size(); from += page) {
      var account = accountIds.get((from / page) % accountIds.size());
      var slice = rows.subList(from, Math.min(rows.size(), from + page));
      made += store.upsert(team, account, "sandbox", slice).created().size();
    }
    assertThat(made, equalTo((long) created));
    return made;
  }

  private long copy(UUID team, List<UUID> accountIds, List<ProviderTransaction> rows)
      throws SQLException {
    try (var c = dataSource.getConnection()) {
      long copied = CopyRows.copy(c, team, accountIds, 250, rows);
      assertThat(copied, equalTo((long) rows.size()));
      return copied;
    }
  }

  private interface Work {
    long run() throws Exception;
  }

  /** A checkpoint first, so no measurement pays for the previous one's dirty pages. */
  private Meter.Reading measure(Work work) throws Exception {
    execute("CHECKPOINT");
    var meter = Meter.start(dataSource);
    work.run();
    return meter.stop();
  }

  private static void report(String name, long rows, Meter.Reading r) {
    if (REPORT.isEmpty()) {
      REPORT.add(
          "| what | rows or runs | seconds | per second | WAL bytes each | JVM CPU µs each"
              + " | CPUs busy |");
      REPORT.add("|---|---:|---:|---:|---:|---:|---:|");
    }
    REPORT.add(
        String.format(
            "| %s | %,d | %.1f | %,.0f | %,.0f | %,.0f | %.0f%% |",
            name,
            rows,
            r.seconds(),
            rows / r.seconds(),
            (double) r.walBytes() / rows,
            r.jvmCpuSeconds() * 1e6 / rows,
            r.busy() * 100));
  }

  private List<UUID> insertTeams(int count) throws SQLException {
    var ids = new ArrayList<UUID>(count);
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement("INSERT INTO platform.teams (id, name, slug) VALUES (?, ?, ?)")) {
      for (int i = 0; i < count; i++) {
        var id = Ids.next();
        insert.setObject(1, id);
        insert.setString(2, "Bench " + i);
        insert.setString(3, "bench-" + id);
        insert.addBatch();
        ids.add(id);
      }
      insert.executeBatch();
    }
    return ids;
  }

  private List<UUID> insertAccounts(UUID team) throws SQLException {
    var connection = Ids.next();
    var ids = new ArrayList<UUID>();
    try (var c = dataSource.getConnection()) {
      try (var insert =
          c.prepareStatement(
              "INSERT INTO transactions.bank_connections (id, team_id, provider, reference)"
                  + " VALUES (?, ?, 'sandbox', 'bench')")) {
        insert.setObject(1, connection);
        insert.setObject(2, team);
        insert.executeUpdate();
      }
      try (var insert =
          c.prepareStatement(
              "INSERT INTO transactions.bank_accounts (id, team_id, connection_id,"
                  + " provider_account_id, name, type, currency) VALUES (?, ?, ?, ?, ?,"
                  + " 'DEPOSITORY', 'EUR')")) {
        for (int i = 0; i < ACCOUNTS; i++) {
          var id = Ids.next();
          insert.setObject(1, id);
          insert.setObject(2, team);
          insert.setObject(3, connection);
          insert.setString(4, "bench-" + i);
          insert.setString(5, "Account " + i);
          insert.addBatch();
          ids.add(id);
        }
        insert.executeBatch();
      }
    }
    return ids;
  }

  private long count(List<UUID> runs, String condition) throws SQLException {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT count(*) FROM engine.runs WHERE id = ANY (?) AND " + condition)) {
      select.setArray(1, c.createArrayOf("uuid", runs.toArray()));
      try (var rs = select.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private long transactionCount() throws SQLException {
    try (var c = dataSource.getConnection();
        var s = c.createStatement();
        var rs = s.executeQuery("SELECT count(*) FROM transactions.transactions")) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private void truncate() throws SQLException {
    execute("TRUNCATE transactions.transactions");
  }

  private void execute(String sql) throws SQLException {
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute(sql);
    }
  }
}
