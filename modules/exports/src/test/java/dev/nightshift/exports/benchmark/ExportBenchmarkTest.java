package dev.nightshift.exports.benchmark;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.exports.config.ExportsConfig;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.platform.blob.BlobStore;
import dev.nightshift.platform.blob.Vault;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.postgresql.PGConnection;

/**
 * How fast exports run, against the real database and the filesystem vault. Runs only when asked
 * (docs/benchmarks.md#exports):
 *
 * <pre>
 * ./mvnw -B verify -pl modules/exports -am -Dbenchmark=true -Dspotless.check.skip \
 *     -Dtest=ExportBenchmarkTest -Dsurefire.failIfNoSpecifiedTests=false -DargLine=-Xmx512m
 * </pre>
 *
 * The report goes to stdout and to {@code target/export-benchmark.txt}.
 */
@QuarkusTest
@TestProfile(ShippedDefaults.class)
@WithTestResource(PostgresTestResource.class)
@EnabledIfSystemProperty(named = "benchmark", matches = "true")
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ExportBenchmarkTest {

  private static final int TRANSACTIONS = Integer.getInteger("benchmark.transactions", 1_000_000);
  private static final int WITH_FILES = Integer.getInteger("benchmark.attachments", 10_000);
  private static final int FILE_SIZE = Integer.getInteger("benchmark.attachment-size", 100_000);
  private static final int ROUNDS = 3;
  private static final int DAYS = 1825;
  private static final boolean SCATTERED = "random".equals(System.getProperty("benchmark.layout"));
  private static final List<String> REPORT = new ArrayList<>();

  /** The export's columns, as COPY writes them: the baseline. */
  private static final String COPY =
      "COPY (SELECT t.id, t.date, t.name, t.description, t.amount, t.currency, t.counterparty,"
          + " t.merchant, t.category, t.method, t.status, t.balance, a.name, t.note"
          + " FROM transactions.transactions t JOIN transactions.bank_accounts a"
          + " ON a.id = t.account_id WHERE t.team_id = '%s'"
          + " ORDER BY t.date DESC, t.id DESC) TO STDOUT WITH (FORMAT csv, HEADER)";

  @Inject DataSource dataSource;
  @Inject ExportStore exports;
  @Inject BlobStore blobs;
  @Inject Vault vault;
  @Inject TransactionExports transactions;
  @Inject ExportsConfig config;

  @BeforeAll
  static void header() {
    report(
        "Export benchmark, %s, %d cores, max heap %d MB",
        Instant.now(),
        Runtime.getRuntime().availableProcessors(),
        Runtime.getRuntime().maxMemory() / (1024 * 1024));
  }

  @AfterAll
  static void write() throws IOException {
    Files.write(Path.of("target/export-benchmark.txt"), REPORT);
  }

  @Test
  @Order(1)
  void csvOfAMillionTransactionsNextToCopy() throws Exception {
    report(
        "Pages of %,d rows, CSV deflated at level %d",
        config.pageSize(), config.compressionLevel());
    var api = TestApi.newTeam();
    var team = api.teamId();
    var seeded = System.nanoTime();
    seedTransactions(team, TRANSACTIONS);
    report("Seeded %,d transactions in %.1f s", TRANSACTIONS, (System.nanoTime() - seeded) / 1e9);

    double bestCopy = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      var counted = new CountingSink();
      long start = System.nanoTime();
      try (var c = dataSource.getConnection()) {
        c.unwrap(PGConnection.class).getCopyAPI().copyOut(COPY.formatted(team), counted);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      double rate = TRANSACTIONS / seconds;
      bestCopy = Math.max(bestCopy, rate);
      report(
          "COPY TO STDOUT (csv)  round %d: %.2f s, %,.0f rows/s, %,d MB of CSV",
          round, seconds, rate, counted.bytes.get() / (1024 * 1024));
    }

    for (int round = 1; round <= ROUNDS; round++) {
      long start = System.nanoTime();
      long rows = readPages(team);
      double seconds = (System.nanoTime() - start) / 1e9;
      report(
          "reading the pages alone round %d: %.2f s, %,.0f rows/s", round, seconds, rows / seconds);
    }
    double bestExport = 0;
    for (int round = 1; round <= ROUNDS; round++) {
      var heap = new HeapWatch();
      long start = System.nanoTime();
      var id = export(api, Map.of("options", Map.of("includeAttachments", false)));
      double wall = (System.nanoTime() - start) / 1e9;
      heap.stop();
      var done = exports.find(id).orElseThrow();
      assertThat(done.rows(), equalTo((long) TRANSACTIONS));
      double seconds = Duration.between(done.startedAt(), done.completedAt()).toNanos() / 1e9;
      double rate = TRANSACTIONS / seconds;
      bestExport = Math.max(bestExport, rate);
      report(
          "export-transactions  round %d: %.2f s writing (%.2f s from request), %,.0f rows/s,"
              + " archive %,d MB, heap peak %d MB, largest after a GC %d MB",
          round,
          seconds,
          wall,
          rate,
          done.bytes() / (1024 * 1024),
          heap.peakUsed() / (1024 * 1024),
          heap.peakAfterGc() / (1024 * 1024));
      vault.delete(done.archivePath());
      awaitMarked(team, done.completedAt());
    }
    report(
        "Best export %,.0f rows/s against best COPY %,.0f rows/s: %.0f %% of COPY",
        bestExport, bestCopy, 100 * bestExport / bestCopy);
  }

  @Test
  @Order(2)
  void attachmentsInMegabytesPerSecond() throws Exception {
    var api = TestApi.newTeam();
    var team = api.teamId();
    seedTransactions(team, WITH_FILES);
    var seeded = System.nanoTime();
    long total = attachEach(team);
    report(
        "Seeded %,d attachments, %,d MB, in %.1f s",
        WITH_FILES, total / (1024 * 1024), (System.nanoTime() - seeded) / 1e9);

    for (int round = 1; round <= 2; round++) {
      var heap = new HeapWatch();
      var id = export(api, Map.of());
      heap.stop();
      var done = exports.find(id).orElseThrow();
      assertThat(done.attachments(), equalTo(WITH_FILES));
      double seconds = Duration.between(done.startedAt(), done.completedAt()).toNanos() / 1e9;
      report(
          "export with attachments round %d: %,d rows + %,d files in %.2f s, %.0f MB/s of"
              + " attachments read, archive %,d MB (%.0f MB/s written), heap peak %d MB,"
              + " largest after a GC %d MB",
          round,
          done.rows(),
          done.attachments(),
          seconds,
          total / 1e6 / seconds,
          done.bytes() / (1024 * 1024),
          done.bytes() / 1e6 / seconds,
          heap.peakUsed() / (1024 * 1024),
          heap.peakAfterGc() / (1024 * 1024));
      vault.delete(done.archivePath());
    }
  }

  /** Every page of the team's transactions, read through the port as an export reads them. */
  private long readPages(UUID team) {
    var everything = new TransactionSelection(null, null, null, null, null, false, Instant.now());
    TransactionPosition after = null;
    long rows = 0;
    while (true) {
      var page = transactions.page(team, everything, after, config.pageSize());
      if (page.isEmpty()) {
        return rows;
      }
      rows += page.size();
      after = new TransactionPosition(page.getLast().date(), page.getLast().id());
    }
  }

  /**
   * Waits until the transactions module has marked the export's rows exported, so that the next
   * round does not compete with the first round's million UPDATEs; the later rounds find every row
   * marked and write nothing. Then vacuums, as autovacuum soon would.
   */
  private void awaitMarked(UUID team, Instant completedAt) throws SQLException {
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(200))
        .until(() -> unmarked(team) == 0);
    report(
        "  marked exported %.1f s after the export completed",
        Duration.between(completedAt, Instant.now()).toMillis() / 1e3);
    execute("VACUUM ANALYZE transactions.transactions");
  }

  private long unmarked(UUID team) throws SQLException {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT count(*) FROM transactions.transactions"
                    + " WHERE team_id = ? AND exported_at IS NULL")) {
      query.setObject(1, team);
      try (var rs = query.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }

  private UUID export(TestApi api, Map<String, ?> body) {
    String id =
        api.request()
            .contentType("application/json")
            .body(body)
            .post("/api/v1/exports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    var exportId = UUID.fromString(id);
    await()
        .atMost(Duration.ofMinutes(20))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> exports.find(exportId).orElseThrow().status().finished());
    var done = exports.find(exportId).orElseThrow();
    assertThat(done.error(), done.status().name(), equalTo("COMPLETED"));
    return exportId;
  }

  /**
   * Transactions with text of the length banks send, in two accounts, over five years, stored in
   * date order as syncs store them (each sync adds the latest days), so that a day's rows share
   * pages on disk. {@code -Dbenchmark.layout=random} scatters the days instead: the worst case.
   */
  private void seedTransactions(UUID team, int count) throws SQLException {
    var connection = Ids.next();
    execute(
        "INSERT INTO transactions.bank_connections (id, team_id, provider) VALUES (?, ?, 'sandbox')",
        connection,
        team);
    var accounts = List.of(Ids.next(), Ids.next());
    for (int i = 0; i < accounts.size(); i++) {
      execute(
          "INSERT INTO transactions.bank_accounts (id, team_id, connection_id, provider_account_id,"
              + " name, type, currency) VALUES (?, ?, ?, ?, ?, 'DEPOSITORY', 'EUR')",
          accounts.get(i),
          team,
          connection,
          "acc-" + i,
          i == 0 ? "Business Checking" : "Company Card");
    }
    execute(
        "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date, amount,"
            + " currency, name, description, merchant, counterparty, category, method, status,"
            + " balance, note)"
            + " SELECT gen_random_uuid(), ?, CASE WHEN g % 3 = 0 THEN ? ELSE ? END,"
            + " 'bench:' || g, DATE '2026-11-30' - "
            + (SCATTERED ? "(g % ?) + 0 * ?" : "(g::bigint * ? / ?)::int")
            + ","
            + " round((random() * 5000 - 4000)::numeric, 2), 'EUR',"
            + " 'CARD PAYMENT TO VENDOR ' || (g % 5000),"
            + " CASE WHEN g % 2 = 0 THEN 'Ref ' || md5(g::text) END,"
            + " 'Vendor ' || (g % 5000), 'Counterparty GmbH ' || (g % 20000),"
            + " (ARRAY['software', 'travel', 'meals', 'rent', 'income'])[g % 5 + 1],"
            + " 'CARD_PURCHASE', CASE WHEN g % 50 = 0 THEN 'PENDING' ELSE 'POSTED' END,"
            + " round((random() * 100000)::numeric, 2),"
            + " CASE WHEN g % 10 = 0 THEN 'Checked by finance, quarter ' || (g % 4 + 1) END"
            + " FROM generate_series(1, ?) AS g",
        team,
        accounts.get(1),
        accounts.get(0),
        DAYS,
        count,
        count);
    // As autovacuum leaves a table that syncs filled: statistics, visibility map, hint bits.
    execute("VACUUM ANALYZE transactions.transactions");
  }

  /** One document per transaction, of random bytes (PDFs and scans barely compress). */
  private long attachEach(UUID team) throws Exception {
    var random = new Random(42);
    long total = 0;
    var ids = new ArrayList<UUID>();
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement("SELECT id FROM transactions.transactions WHERE team_id = ?")) {
      query.setObject(1, team);
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    for (var transaction : ids) {
      var content = new byte[FILE_SIZE / 2 + random.nextInt(FILE_SIZE)];
      random.nextBytes(content);
      var blob = blobs.put(content);
      total += content.length;
      execute(
          "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
              + " content_type, size, status, match_status, transaction_id, matched_at)"
              + " VALUES (?, ?, ?, 'UPLOAD', ?, 'invoice.pdf', 'application/pdf', ?, 'PROCESSED',"
              + " 'MATCHED', ?, now())",
          Ids.next(),
          team,
          "bench:" + transaction,
          blob.key(),
          (long) content.length,
          transaction);
    }
    return total;
  }

  private void execute(String sql, Object... params) throws SQLException {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    }
  }

  private static void report(String format, Object... args) {
    var line = String.format(Locale.ROOT, format, args);
    System.out.println(line);
    REPORT.add(line);
  }

  /** Counts COPY's output and drops it, as a client that streams it on would. */
  private static final class CountingSink extends OutputStream {
    final AtomicLong bytes = new AtomicLong();

    @Override
    public void write(int b) {
      bytes.incrementAndGet();
    }

    @Override
    public void write(byte[] b, int off, int len) {
      bytes.addAndGet(len);
    }
  }

  /**
   * The heap while an export runs: its peak use, garbage included, and the largest use left after a
   * collection, which is what the export keeps alive.
   */
  private static final class HeapWatch {
    private final List<MemoryPoolMXBean> pools =
        ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == MemoryType.HEAP)
            .toList();
    private final AtomicBoolean running = new AtomicBoolean(true);
    private final AtomicLong afterGc = new AtomicLong();
    private final Thread sampler;

    HeapWatch() {
      System.gc();
      pools.forEach(MemoryPoolMXBean::resetPeakUsage);
      sampler =
          Thread.ofPlatform()
              .daemon()
              .start(
                  () -> {
                    while (running.get()) {
                      long live =
                          pools.stream()
                              .map(MemoryPoolMXBean::getCollectionUsage)
                              .filter(usage -> usage != null)
                              .mapToLong(usage -> usage.getUsed())
                              .sum();
                      afterGc.accumulateAndGet(live, Math::max);
                      try {
                        Thread.sleep(20);
                      } catch (InterruptedException e) {
                        return;
                      }
                    }
                  });
    }

    void stop() throws InterruptedException {
      running.set(false);
      sampler.join();
    }

    long peakUsed() {
      return pools.stream().mapToLong(pool -> pool.getPeakUsage().getUsed()).sum();
    }

    long peakAfterGc() {
      return afterGc.get();
    }
  }
}
