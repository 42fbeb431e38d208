package dev.nightshift.transactions.export;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.engine.Engine;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.TestBank;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * An export's read path against PostgreSQL's own COPY, on one team of a million transactions among
 * other teams' rows, and what marking them exported costs. Runs only when asked
 * (docs/benchmarks.md, Transactions: export pages):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/transactions -am -Dbenchmark=true \
 *     -Dtest=ExportBenchmarkIntegrationTest -Dsurefire.failIfNoSpecifiedTests=false
 * </pre>
 *
 * {@code -Dbenchmark.rows} changes the team's size. The report, with the plan of a page, goes to
 * stdout and to {@code target/export-benchmark.txt}.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
class ExportBenchmarkIntegrationTest {

  private static final int ROWS = Integer.getInteger("benchmark.rows", 1_000_000);
  private static final int OTHER_TEAMS = 20;
  private static final int OTHER_ROWS = ROWS / 2;
  private static final int PAGE = 5_000;
  private static final int ROUNDS = 3;
  private static final LocalDate LAST = LocalDate.of(2026, 12, 1);
  private static final TransactionSelection ALL =
      new TransactionSelection(null, null, null, null, null, false, null);

  @Inject DataSource dataSource;
  @Inject TeamStore teams;
  @Inject TransactionExports exports;
  @Inject Engine engine;

  private final List<String> report = new ArrayList<>();

  @Test
  void pagesAgainstCopyAndMarking() throws Exception {
    var bank = new TestBank(dataSource, teams);
    var team = bank.team();
    var accounts = List.of(bank.account(team, "Business Checking"), bank.account(team, "Tax"));
    var others = new ArrayList<UUID>();
    var otherAccounts = new ArrayList<UUID>();
    for (int i = 0; i < OTHER_TEAMS; i++) {
      others.add(bank.team());
      otherAccounts.add(bank.account(others.getLast(), "Checking"));
    }
    long start = System.nanoTime();
    fill(team, accounts, others, otherAccounts);
    bank.execute("VACUUM ANALYZE transactions.transactions");
    line("fill %,d + %,d rows and VACUUM ANALYZE: %.1f s", ROWS, OTHER_ROWS, seconds(start));

    TransactionPosition middle = null;
    for (int round = 1; round <= ROUNDS; round++) {
      bank.execute("CHECKPOINT");
      long copyStart = System.nanoTime();
      long bytes = copy(team);
      double copySeconds = seconds(copyStart);
      var pages = pages(team);
      middle = pages.middle();
      line(
          "round %d: COPY %.2f s (%,.0f rows/s, %,d bytes); page() x %d: %.2f s (%,.0f rows/s,"
              + " %.0f%% of COPY), a page %.1f ms median, %.1f ms max",
          round,
          copySeconds,
          ROWS / copySeconds,
          bytes,
          pages.count(),
          pages.seconds(),
          ROWS / pages.seconds(),
          100 * copySeconds / pages.seconds(),
          pages.median(),
          pages.max());
    }
    long countStart = System.nanoTime();
    assertThat(exports.count(team, ALL), equalTo((long) ROWS));
    line("count(): %.0f ms", seconds(countStart) * 1000);
    explain(team, middle);
    explainGeneric(team, middle);

    long markStart = System.nanoTime();
    var run =
        engine.trigger(
            MarkExportedTask.ID,
            new MarkExportedTask.Payload(team, UUID.randomUUID(), ALL, Instant.now()),
            MarkExportedTask.options(team));
    await()
        .atMost(Duration.ofMinutes(30))
        .pollInterval(Duration.ofMillis(200))
        .until(
            () ->
                "COMPLETED"
                    .equals(
                        bank.queryOne(
                            "SELECT status FROM engine.runs WHERE id = ?",
                            String.class,
                            run.id())));
    line(
        "transactions-mark-exported of %,d rows, %d statements: %.1f s",
        ROWS, ROWS / MarkExportedTask.CHUNK + 1, seconds(markStart));

    bank.fill(team, accounts.getFirst(), 1_000, LAST, 30);
    var fresh = new TransactionSelection(null, null, null, null, null, true, null);
    long freshStart = System.nanoTime();
    assertThat(exports.page(team, fresh, null, PAGE).size(), equalTo(1_000));
    line("page() of 1,000 not exported among %,d exported: %.0f ms", ROWS, ms(freshStart));
    long freshCount = System.nanoTime();
    assertThat(exports.count(team, fresh), equalTo(1_000L));
    line("count() of the same: %.0f ms", ms(freshCount));

    var text = String.join("\n", report) + "\n";
    System.out.println(text);
    Files.writeString(Path.of("target", "export-benchmark.txt"), text);
  }

  private record Pages(
      int count, double seconds, double median, double max, TransactionPosition middle) {}

  private Pages pages(UUID team) {
    var millis = new ArrayList<Double>();
    TransactionPosition after = null;
    TransactionPosition middle = null;
    long rows = 0;
    long start = System.nanoTime();
    while (true) {
      long pageStart = System.nanoTime();
      var page = exports.page(team, ALL, after, PAGE);
      millis.add(ms(pageStart));
      rows += page.size();
      if (page.size() < PAGE) {
        break;
      }
      after = new TransactionPosition(page.getLast().date(), page.getLast().id());
      if (millis.size() == ROWS / PAGE / 2) {
        middle = after;
      }
    }
    double seconds = seconds(start);
    assertThat(rows, equalTo((long) ROWS));
    var sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Pages(
        millis.size(), seconds, sorted[sorted.length / 2], sorted[sorted.length - 1], middle);
  }

  /** The same rows, columns and order in one COPY, read to the end and thrown away. */
  private long copy(UUID team) throws SQLException, java.io.IOException {
    var sql =
        "COPY ("
            + ExportPageStore.pageSql(where(team))
                .replace("t.team_id = ?", "t.team_id = '" + team + "'")
                .replace(" AND (t.date, t.id) < (?, ?)", "")
                .replace(" LIMIT ?", "")
            + ") TO STDOUT";
    var counter = new CountingStream();
    try (var c = dataSource.getConnection()) {
      c.unwrap(PGConnection.class).getCopyAPI().copyOut(sql, counter);
    }
    return counter.bytes;
  }

  /** The plan of the page after {@code after}, as chosen for these values. */
  private void explain(UUID team, TransactionPosition after) throws SQLException {
    var where = where(team);
    try (var c = dataSource.getConnection();
        var explain =
            c.prepareStatement("EXPLAIN (ANALYZE, BUFFERS) " + ExportPageStore.pageSql(where))) {
      int next = where.bind(explain);
      explain.setObject(next++, after.date());
      explain.setObject(next++, after.id());
      explain.setInt(next, PAGE);
      line("EXPLAIN ANALYZE of the middle page:");
      plan(explain.executeQuery());
    }
  }

  /**
   * The same page as a generic plan, the one PostgreSQL may keep for a statement prepared on the
   * server once it has run a few times.
   */
  private void explainGeneric(UUID team, TransactionPosition after) throws SQLException {
    var numbered = new StringBuilder();
    int n = 0;
    for (char ch : ExportPageStore.pageSql(where(team)).toCharArray()) {
      numbered.append(ch == '?' ? "$" + ++n : String.valueOf(ch));
    }
    try (var c = dataSource.getConnection();
        var s = c.createStatement()) {
      s.execute("SET plan_cache_mode = force_generic_plan");
      s.execute("PREPARE export_page (uuid, date, uuid, int) AS " + numbered);
      try {
        line("EXPLAIN ANALYZE of the middle page, generic plan:");
        plan(
            s.executeQuery(
                String.format(
                    "EXPLAIN (ANALYZE, BUFFERS) EXECUTE export_page ('%s', '%s', '%s', %d)",
                    team, after.date(), after.id(), PAGE)));
      } finally {
        s.execute("DEALLOCATE export_page");
        s.execute("RESET plan_cache_mode");
      }
    }
  }

  private void plan(java.sql.ResultSet rs) throws SQLException {
    try (rs) {
      while (rs.next()) {
        report.add("    " + rs.getString(1));
      }
    }
  }

  private SelectionSql where(UUID team) {
    try (var c = dataSource.getConnection()) {
      return SelectionSql.of(c, team, ALL);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * The team's rows over 1,100 days, and the other teams' among them: inserted day by day, in a
   * random order within each day, as hourly syncs of many teams would leave the table.
   */
  private void fill(UUID team, List<UUID> accounts, List<UUID> others, List<UUID> otherAccounts)
      throws SQLException {
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                """
                INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date,
                    amount, currency, name, description, merchant, counterparty, category, method,
                    status, balance, created_at)
                SELECT gen_random_uuid(), s.team, s.account, 'bench:' || s.g, s.date,
                    -round((1 + random() * 4999)::numeric, 2), 'EUR',
                    (ARRAY['Amazon Web Services', 'Figma', 'Linear', 'Hetzner Online',
                        'Deutsche Bahn', 'Uber', 'Customer payment ACME Corp', 'GitHub'])[1 + s.g % 8],
                    CASE WHEN s.g % 3 > 0 THEN 'Card payment reference ' || s.g % 99991 END,
                    (ARRAY['Amazon Web Services', 'Figma', 'Linear', 'Hetzner Online',
                        'Deutsche Bahn', 'Uber', NULL, 'GitHub'])[1 + s.g % 8],
                    CASE WHEN s.g % 5 = 0 THEN 'Counterparty ' || s.g % 311 END,
                    (ARRAY['software', 'travel', 'meals', NULL, 'income'])[1 + s.g % 5],
                    'CARD_PURCHASE', CASE WHEN s.g % 1100 < 2 THEN 'PENDING' ELSE 'POSTED' END,
                    CASE WHEN s.g % 2 = 0 THEN round((random() * 100000)::numeric, 2) END,
                    now() - interval '1 day'
                FROM (SELECT g,
                          CASE WHEN g <= ? THEN ?::uuid ELSE (?::uuid[])[1 + g % ?] END AS team,
                          CASE WHEN g <= ? THEN (?::uuid[])[1 + g % ?]
                               ELSE (?::uuid[])[1 + g % ?] END AS account,
                          CAST(? AS date) - (g % 1100) AS date
                      FROM generate_series(1, ?) AS g) s
                ORDER BY s.date, random()
                """)) {
      int i = 1;
      insert.setInt(i++, ROWS);
      insert.setObject(i++, team);
      insert.setArray(i++, c.createArrayOf("uuid", others.toArray()));
      insert.setInt(i++, others.size());
      insert.setInt(i++, ROWS);
      insert.setArray(i++, c.createArrayOf("uuid", accounts.toArray()));
      insert.setInt(i++, accounts.size());
      insert.setArray(i++, c.createArrayOf("uuid", otherAccounts.toArray()));
      insert.setInt(i++, otherAccounts.size());
      insert.setObject(i++, LAST);
      insert.setInt(i, ROWS + OTHER_ROWS);
      insert.executeUpdate();
    }
  }

  private void line(String format, Object... args) {
    report.add(String.format(format, args));
  }

  private static double seconds(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e9;
  }

  private static double ms(long startNanos) {
    return (System.nanoTime() - startNanos) / 1e6;
  }

  private static final class CountingStream extends OutputStream {
    private long bytes;

    @Override
    public void write(int b) {
      bytes++;
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes += len;
    }
  }
}
