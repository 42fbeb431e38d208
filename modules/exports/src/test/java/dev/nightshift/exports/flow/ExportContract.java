package dev.nightshift.exports.flow;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.exports.archive.Archiver;
import dev.nightshift.exports.csv.Columns;
import dev.nightshift.exports.csv.SafeCell;
import dev.nightshift.exports.export.ExportOptions;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.exports.export.NewExport;
import dev.nightshift.exports.link.DownloadLinks;
import dev.nightshift.exports.run.ExpireExportsTask;
import dev.nightshift.platform.blob.BlobStore;
import dev.nightshift.platform.blob.Vault;
import dev.nightshift.testkit.TestApi;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.text.NumberFormat;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Exports end to end, run against each blob store: real transactions and inbox documents in the
 * real database, read through the real ports; the archive is downloaded through its signed link,
 * opened, and its CSV parsed back and compared row by row with the database.
 */
abstract class ExportContract {

  private static final LocalDate NEWEST = LocalDate.of(2026, 11, 30);

  @Inject DataSource dataSource;
  @Inject BlobStore blobs;
  @Inject Vault vault;
  @Inject ExportStore exports;
  @Inject DownloadLinks links;
  @Inject Engine engine;
  @Inject Events events;
  @Inject ObjectMapper json;

  Books books;
  TestApi api;
  UUID team;
  UUID checking;

  /** Unfinished writes the store holds anywhere in the vault: temporary files or uploads. */
  abstract List<String> unfinishedWrites() throws Exception;

  @BeforeEach
  void setUp() {
    books = new Books(dataSource, blobs);
    api = TestApi.newTeam();
    team = api.teamId();
    checking = books.account(team, "Checking =main", "EUR");
  }

  @Test
  void theArchiveHoldsEveryTransactionRowByRowWithItsAttachments() throws Exception {
    var ids = books.transactions(team, checking, "EUR", 130, NEWEST);
    var card = books.account(team, "Card", "USD");
    ids.addAll(books.transactions(team, card, "USD", 20, NEWEST.minusDays(3)));
    var receipts = new LinkedHashMap<UUID, byte[]>();
    for (int i : new int[] {0, 1, 49, 50, 149}) {
      receipts.put(ids.get(i), books.attach(team, ids.get(i), "receipt " + i + ".pdf"));
    }
    books.attachMissing(team, ids.get(7), "lost.pdf");
    var otherTeam = TestApi.newTeam().teamId();
    books.transactions(otherTeam, books.account(otherTeam, "Other", "EUR"), "EUR", 5, NEWEST);

    var export = completed(start(Map.of()));

    assertThat(export.getInt("progress.rows"), equalTo(150));
    assertThat(export.getInt("progress.total"), equalTo(150));
    assertThat(export.getInt("progress.percent"), equalTo(100));
    assertThat(export.getInt("progress.attachments"), equalTo(5));
    assertThat(export.getInt("progress.missingAttachments"), equalTo(1));
    var archive = download(export);
    assertThat((long) archive.length, equalTo(export.getLong("progress.bytes")));
    var files = unzip(archive);
    var rows = csv(files.get(Archiver.CSV_ENTRY), ',');
    var expected = databaseRows("");
    assertThat(rows, hasSize(expected.size()));
    int attachments = 0;
    for (int i = 0; i < rows.size(); i++) {
      var row = rows.get(i);
      var db = expected.get(i);
      assertRow(row, db);
      var id = UUID.fromString(row.get("ID"));
      if (receipts.containsKey(id)) {
        var name = row.get("Attachments");
        var folder = new BigDecimal(row.get("Amount")).signum() < 0 ? "expense" : "income";
        assertThat(name, startsWith("attachments/" + folder + "/receipt_"));
        assertThat(files.get(name), equalTo(receipts.get(id)));
        attachments++;
      } else if (id.equals(ids.get(7))) {
        assertThat(row.get("Attachments"), equalTo(""));
        assertThat(row.get("Missing attachments"), equalTo("lost.pdf"));
      } else {
        assertThat(row.get("Attachments"), equalTo(""));
        assertThat(row.get("Missing attachments"), equalTo(""));
      }
    }
    assertThat(attachments, equalTo(5));
    assertThat(files.keySet(), hasSize(6));

    var event = completedEvent(UUID.fromString(export.getString("id")));
    assertThat(event.path("transactions").asLong(), equalTo(150L));
    assertThat(event.path("bytes").asLong(), equalTo((long) archive.length));
    assertThat(event.path("downloadUrl").asText(), containsString("/downloads/exports/"));
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> count("exported_at IS NOT NULL AND team_id = '" + team + "'") == 150);
    assertThat(count("exported_at IS NOT NULL AND team_id = '" + otherTeam + "'"), equalTo(0L));
    assertThat(unfinishedWrites(), empty());
  }

  @Test
  void aFilterAndOptionsShapeTheArchive() throws Exception {
    books.transactions(team, checking, "EUR", 60, NEWEST);
    var card = books.account(team, "Card", "USD");
    var cardIds = books.transactions(team, card, "USD", 30, NEWEST);
    books.attach(team, cardIds.get(1), "skipped.pdf");

    var export =
        completed(
            start(
                Map.of(
                    "filter",
                    Map.of(
                        "accountIds", List.of(card.toString()),
                        "from", NEWEST.minusDays(2).toString(),
                        "to", NEWEST.toString(),
                        "status", "POSTED"),
                    "options",
                    Map.of(
                        "delimiter", ";",
                        "dateFormat", "dd.MM.yyyy",
                        "locale", "de-DE",
                        "includeAttachments", false,
                        "byteOrderMark", true))));

    var files = unzip(download(export));
    assertThat(files.keySet(), equalTo(java.util.Set.of(Archiver.CSV_ENTRY)));
    var text = new String(files.get(Archiver.CSV_ENTRY), StandardCharsets.UTF_8);
    assertThat(text, startsWith("\uFEFFID;Date;Description;"));
    var rows = csv(text.substring(1).getBytes(StandardCharsets.UTF_8), ';');
    var expected =
        databaseRows(
            "AND t.account_id = '"
                + card
                + "' AND t.status = 'POSTED' AND t.date BETWEEN '"
                + NEWEST.minusDays(2)
                + "' AND '"
                + NEWEST
                + "'");
    assertThat(rows, hasSize(expected.size()));
    assertThat(expected, not(empty()));
    var germanDate = java.time.format.DateTimeFormatter.ofPattern("dd.MM.yyyy");
    var euros = NumberFormat.getCurrencyInstance(Locale.GERMANY);
    euros.setCurrency(Currency.getInstance("USD"));
    for (int i = 0; i < rows.size(); i++) {
      var db = expected.get(i);
      assertThat(rows.get(i).get("ID"), equalTo(db.get("id")));
      assertThat(
          rows.get(i).get("Date"), equalTo(germanDate.format(LocalDate.parse(db.get("date")))));
      assertThat(
          rows.get(i).get("Formatted amount"),
          equalTo(euros.format(new BigDecimal(db.get("amount")))));
      assertThat(rows.get(i).get("Attachments"), equalTo(""));
    }
  }

  @Test
  void idsOfAnotherTeamAreLeftOut() throws Exception {
    var mine = books.transactions(team, checking, "EUR", 3, NEWEST);
    var otherTeam = TestApi.newTeam().teamId();
    var theirs =
        books.transactions(otherTeam, books.account(otherTeam, "X", "EUR"), "EUR", 2, NEWEST);

    var export =
        completed(
            start(
                Map.of(
                    "transactionIds",
                    List.of(
                        mine.get(0).toString(),
                        mine.get(2).toString(),
                        theirs.get(0).toString()))));

    var rows = csv(unzip(download(export)).get(Archiver.CSV_ENTRY), ',');
    assertThat(
        rows.stream().map(r -> r.get("ID")).sorted().toList(),
        equalTo(
            List.of(mine.get(0).toString(), mine.get(2).toString()).stream().sorted().toList()));
    api.request().get("/api/v1/exports/" + export.getString("id")).then().statusCode(200);
    TestApi.newTeam()
        .request()
        .get("/api/v1/exports/" + export.getString("id"))
        .then()
        .statusCode(404);
  }

  @Test
  void linksAreSignedAndExpire() throws Exception {
    books.transactions(team, checking, "EUR", 3, NEWEST);
    var export = completed(start(Map.of()));
    var id = UUID.fromString(export.getString("id"));
    var link = URI.create(export.getString("downloadUrl"));
    var path = link.getRawPath();
    var query = link.getRawQuery();

    given().get(path + "?" + query).then().statusCode(200).contentType("application/zip");
    var forged = query.replaceAll("signature=.", "signature=A");
    if (forged.equals(query)) {
      forged = query.replaceAll("signature=.", "signature=B");
    }
    problem(given().get(path + "?" + forged).then().statusCode(403), "invalid-link");
    var later = query.replaceAll("expires=(\\d+)", "expires=9999999999");
    problem(given().get(path + "?" + later).then().statusCode(403), "invalid-link");
    var other = completed(start(Map.of()));
    var otherQuery = URI.create(other.getString("downloadUrl")).getRawQuery();
    problem(given().get(path + "?" + otherQuery).then().statusCode(403), "invalid-link");
    problem(given().get(path).then().statusCode(403), "invalid-link");

    var stale = links.issue(exports.find(id).orElseThrow(), Instant.now().minusSeconds(5));
    var staleLink = URI.create(stale.url());
    problem(
        given().get(staleLink.getRawPath() + "?" + staleLink.getRawQuery()).then().statusCode(410),
        "link-expired");
  }

  @Test
  void cancellingMidExportLeavesNothingInTheVault() throws Exception {
    var newest = books.transactions(team, checking, "EUR", 30, NEWEST);
    for (var id : newest) {
      books.attachRandom(team, id, 1024 * 1024);
    }
    books.bulk(team, checking, 20_000, NEWEST.minusDays(10));
    var export = start(Map.of());
    var id = export.getString("id");
    // Mid-export: archive bytes are in the vault, unfinished, and most rows are still to come.
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(20))
        .until(() -> !unfinishedWrites().isEmpty());

    var canceled = api.request().post("/api/v1/exports/" + id + "/cancel").then().statusCode(200);
    canceled.body("status", equalTo("CANCELED"));
    var run = export.getString("runId");
    await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                TestApi.as(TestApi.ADMIN)
                    .get("/api/v1/runs/" + run)
                    .then()
                    .extract()
                    .path("status")
                    .equals("CANCELED"));
    await().atMost(Duration.ofSeconds(20)).until(() -> unfinishedWrites().isEmpty());
    var archivePath = exports.find(UUID.fromString(id)).orElseThrow().archivePath();
    assertThat(vault.size(archivePath).isPresent(), equalTo(false));
    assertThat(view(id).getString("downloadUrl"), equalTo(null));
    assertThat(view(id).getLong("progress.rows") < 20_030, equalTo(true));
    api.request().post("/api/v1/exports/" + id + "/cancel").then().statusCode(409);
  }

  @Test
  void aRetryAfterACrashReplacesWhatTheCrashedAttemptLeft() throws Exception {
    books.transactions(team, checking, "EUR", 40, NEWEST);
    // The queue waits while the crashed attempt's leftovers are laid out.
    TestApi.as(TestApi.ADMIN).post("/api/v1/queues/exports/pause").then().statusCode(204);
    JsonPath export;
    try {
      export = start(Map.of("options", Map.of("includeAttachments", false)));
      var stored = exports.find(UUID.fromString(export.getString("id"))).orElseThrow();
      // What a node killed while writing leaves: an unfinished write of the path, never closed.
      var crashed = vault.create(stored.archivePath());
      crashed.output().write(new byte[6 * 1024 * 1024]);
      crashed.output().flush();
      assertThat(unfinishedWrites(), hasSize(1));
    } finally {
      TestApi.as(TestApi.ADMIN).post("/api/v1/queues/exports/resume").then().statusCode(204);
    }

    var done = completed(export);
    var rows = csv(unzip(download(done)).get(Archiver.CSV_ENTRY), ',');
    assertThat(rows, hasSize(40));
    assertThat(unfinishedWrites(), empty());
  }

  @Test
  void aRunThatFailsForGoodFailsTheExport() throws Exception {
    var id = UUID.randomUUID();
    var runId = UUID.randomUUID();
    var selection =
        new TransactionSelection(List.of(), List.of(), null, null, null, false, Instant.now());
    exports.insertIfNew(
        new NewExport(
            id,
            team,
            selection,
            new ExportOptions(',', "yyyy-MM-dd", "en-US", true, false),
            null,
            "failing.zip",
            "exports/" + team + "/" + id + ".zip",
            links.newKey(id)));
    exports.setRun(id, runId);
    exports.started(id, 0);
    events.publish(
        Events.RUN_FAILED,
        team,
        Map.of(
            "runId",
            runId.toString(),
            "task",
            "export-transactions",
            "status",
            "FAILED",
            "error",
            Map.of("message", "The vault is unreachable")));

    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> view(id.toString()).getString("status").equals("FAILED"));
    assertThat(view(id.toString()).getString("error"), equalTo("The vault is unreachable"));
    assertThat(unfinishedWrites(), empty());
  }

  @Test
  void expiredArchivesAreDeletedAndTheirLinksGone() throws Exception {
    books.transactions(team, checking, "EUR", 2, NEWEST);
    var export = completed(start(Map.of()));
    var id = UUID.fromString(export.getString("id"));
    var link = URI.create(export.getString("downloadUrl"));
    books.execute(
        "UPDATE exports.exports SET expires_at = now() - interval '1 minute' WHERE id = ?", id);

    var run =
        engine.trigger(
            ExpireExportsTask.ID, new ExpireExportsTask.Payload(), TriggerOptions.defaults());
    await()
        .atMost(Duration.ofSeconds(20))
        .until(() -> view(id.toString()).getString("status").equals("EXPIRED"));
    assertThat(run.id(), not(equalTo(null)));
    assertThat(
        vault.size(exports.find(id).orElseThrow().archivePath()).isPresent(), equalTo(false));
    problem(
        given().get(link.getRawPath() + "?" + link.getRawQuery()).then().statusCode(410),
        "export-expired");
  }

  @Test
  void theApiAnswersBadRequestsWithProblems() throws Exception {
    problem(
        api.request()
            .contentType("application/json")
            .body(Map.of("options", Map.of("delimiter", "x", "dateFormat", "HH:mm")))
            .post("/api/v1/exports")
            .then()
            .statusCode(400),
        "invalid-export");
    api.request()
        .contentType("application/json")
        .body("{\"filter\": {\"from\": \"yesterday\"}}")
        .post("/api/v1/exports")
        .then()
        .statusCode(400);
    api.request().get("/api/v1/exports/" + UUID.randomUUID()).then().statusCode(404);

    var first =
        api.request()
            .header("Idempotency-Key", "monthly-2026-11")
            .contentType("application/json")
            .body(Map.of())
            .post("/api/v1/exports")
            .then()
            .statusCode(202)
            .extract()
            .path("id");
    var again =
        api.request()
            .header("Idempotency-Key", "monthly-2026-11")
            .contentType("application/json")
            .body(Map.of())
            .post("/api/v1/exports")
            .then()
            .statusCode(200)
            .extract()
            .path("id");
    assertThat(again, equalTo(first));
    var listed = api.request().get("/api/v1/exports").then().statusCode(200).extract().jsonPath();
    assertThat(listed.getList("data.id"), hasItem(first));

    completed(view(first.toString()));
    api.request().delete("/api/v1/exports/" + first).then().statusCode(204);
    api.request().get("/api/v1/exports/" + first).then().statusCode(404);
  }

  JsonPath start(Map<String, ?> body) {
    return api.request()
        .contentType("application/json")
        .body(body)
        .post("/api/v1/exports")
        .then()
        .statusCode(202)
        .extract()
        .jsonPath();
  }

  JsonPath view(String id) {
    return api.request().get("/api/v1/exports/" + id).then().statusCode(200).extract().jsonPath();
  }

  JsonPath completed(JsonPath started) {
    var id = started.getString("id");
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(
            () -> view(id).getString("status"), s -> s.equals("COMPLETED") || s.equals("FAILED"));
    var done = view(id);
    assertThat(done.getString("error"), done.getString("status"), equalTo("COMPLETED"));
    return done;
  }

  byte[] download(JsonPath export) {
    var link = URI.create(export.getString("downloadUrl"));
    return given()
        .get(link.getRawPath() + "?" + link.getRawQuery())
        .then()
        .statusCode(200)
        .header("Content-Disposition", containsString(export.getString("fileName")))
        .extract()
        .asByteArray();
  }

  static Map<String, byte[]> unzip(byte[] archive) throws Exception {
    var files = new LinkedHashMap<String, byte[]>();
    try (var zip = new ZipInputStream(new ByteArrayInputStream(archive))) {
      for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
        files.put(entry.getName(), zip.readAllBytes());
      }
    }
    return files;
  }

  static List<CSVRecord> csv(byte[] content, char delimiter) throws Exception {
    try (var parser =
        CSVFormat.RFC4180
            .builder()
            .setDelimiter(delimiter)
            .setHeader()
            .get()
            .parse(new StringReader(new String(content, StandardCharsets.UTF_8)))) {
      assertThat(parser.getHeaderNames(), equalTo(Columns.HEADER));
      return parser.getRecords();
    }
  }

  /** The team's transactions as the database holds them, newest first, as text. */
  List<Map<String, String>> databaseRows(String condition) throws SQLException {
    var sql =
        "SELECT t.id, t.date, t.name, t.description, t.amount, t.currency, t.counterparty,"
            + " t.merchant, t.category, t.method, t.status, t.balance, a.name AS account, t.note"
            + " FROM transactions.transactions t JOIN transactions.bank_accounts a"
            + " ON a.id = t.account_id WHERE t.team_id = ? "
            + condition
            + " ORDER BY t.date DESC, t.id DESC";
    try (var c = dataSource.getConnection();
        var query = c.prepareStatement(sql)) {
      query.setObject(1, team);
      var rows = new ArrayList<Map<String, String>>();
      try (var rs = query.executeQuery()) {
        var meta = rs.getMetaData();
        while (rs.next()) {
          var row = new LinkedHashMap<String, String>();
          for (int i = 1; i <= meta.getColumnCount(); i++) {
            row.put(meta.getColumnLabel(i), rs.getString(i));
          }
          rows.add(row);
        }
      }
      return rows;
    }
  }

  private static void assertRow(CSVRecord row, Map<String, String> db) {
    var amount = new BigDecimal(db.get("amount")).setScale(2, RoundingMode.HALF_EVEN);
    var dollars = NumberFormat.getCurrencyInstance(Locale.US);
    dollars.setCurrency(Currency.getInstance(db.get("currency")));
    assertThat(row.get("ID"), equalTo(db.get("id")));
    assertThat(row.get("Date"), equalTo(db.get("date")));
    assertThat(row.get("Description"), equalTo(SafeCell.of(db.get("name"))));
    assertThat(row.get("Additional info"), equalTo(SafeCell.of(db.get("description"))));
    assertThat(row.get("Amount"), equalTo(amount.toPlainString()));
    assertThat(row.get("Currency"), equalTo(db.get("currency")));
    assertThat(row.get("Formatted amount"), equalTo(dollars.format(amount)));
    assertThat(row.get("From / To"), equalTo(SafeCell.of(db.get("counterparty"))));
    assertThat(row.get("Merchant"), equalTo(SafeCell.of(db.get("merchant"))));
    assertThat(row.get("Category"), equalTo(SafeCell.of(db.get("category"))));
    assertThat(row.get("Method"), equalTo(db.get("method")));
    assertThat(row.get("Status"), equalTo(db.get("status")));
    assertThat(
        row.get("Balance"),
        equalTo(
            new BigDecimal(db.get("balance")).setScale(2, RoundingMode.HALF_EVEN).toPlainString()));
    assertThat(row.get("Account"), equalTo(SafeCell.of(db.get("account"))));
    assertThat(row.get("Note"), equalTo(SafeCell.of(db.get("note"))));
  }

  private com.fasterxml.jackson.databind.JsonNode completedEvent(UUID exportId) throws Exception {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT payload::text FROM engine.events WHERE name = 'export.completed'"
                    + " AND payload->>'exportId' = ?")) {
      query.setString(1, exportId.toString());
      try (var rs = query.executeQuery()) {
        assertThat("export.completed was published", rs.next(), equalTo(true));
        var payload = json.readTree(rs.getString(1));
        assertThat("published once", rs.next(), equalTo(false));
        return payload;
      }
    }
  }

  private long count(String condition) throws SQLException {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT count(*) FROM transactions.transactions WHERE " + condition);
        var rs = query.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }

  private static void problem(io.restassured.response.ValidatableResponse response, String slug) {
    response
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:" + slug));
  }
}
