package dev.nightshift.exports.flow;

import dev.nightshift.platform.blob.BlobStore;
import dev.nightshift.platform.database.Ids;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes a team's bank accounts, transactions and matched inbox documents with SQL, as the
 * transactions module's syncs and the inbox's matching would leave them, so the exports read them
 * through the real ports.
 */
final class Books {

  /** Texts that CSV and spreadsheets get wrong: quotes, separators, line breaks, formulas. */
  private static final String[] NAMES = {
    "Uber \"Eats\", NYC",
    "=HYPERLINK(\"http://evil.example\")",
    "Café Crème; Zürich",
    "line one\nline two",
    "+49 fee",
    "-minus",
    "@SUM(A1:A9)",
    "Plain rent",
    "\ttabbed",
    "Figma"
  };

  private final DataSource dataSource;
  private final BlobStore blobs;

  Books(DataSource dataSource, BlobStore blobs) {
    this.dataSource = dataSource;
    this.blobs = blobs;
  }

  /** A bank connection of the team with one account; returns the account. */
  UUID account(UUID team, String name, String currency) {
    var connection = Ids.next();
    execute(
        "INSERT INTO transactions.bank_connections (id, team_id, provider) VALUES (?, ?, 'sandbox')",
        connection,
        team);
    var account = Ids.next();
    execute(
        "INSERT INTO transactions.bank_accounts (id, team_id, connection_id, provider_account_id,"
            + " name, type, currency) VALUES (?, ?, ?, ?, ?, 'DEPOSITORY', ?)",
        account,
        team,
        connection,
        "acc-" + account,
        name,
        currency);
    return account;
  }

  /**
   * {@code count} transactions of the account, several on each day from {@code newest} back, so
   * pages end in the middle of a day; every tenth pending, every third with a note.
   */
  List<UUID> transactions(UUID team, UUID account, String currency, int count, LocalDate newest) {
    var ids = new ArrayList<UUID>(count);
    for (int i = 0; i < count; i++) {
      var id = Ids.next();
      var amount = new BigDecimal(i % 4 == 0 ? "1250.5" : "-" + (i + 1) + ".25");
      execute(
          "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date,"
              + " amount, currency, name, description, merchant, counterparty, category, method,"
              + " status, balance, note) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'CARD_PURCHASE',"
              + " ?, ?, ?)",
          id,
          team,
          account,
          "sandbox:" + id,
          newest.minusDays(i / 7),
          amount,
          currency,
          NAMES[i % NAMES.length],
          i % 2 == 0 ? null : "ref " + i + ", \"quoted\"",
          i % 5 == 0 ? null : "Merchant " + (i % 13),
          i % 3 == 0 ? "=1+2 Counterparty" : "Counterparty " + i,
          i % 4 == 0 ? "income" : "software",
          i % 10 == 0 ? "PENDING" : "POSTED",
          new BigDecimal("1000.00").add(BigDecimal.valueOf(i)),
          i % 3 == 0 ? "note ✓ " + i : null);
      ids.add(id);
    }
    return ids;
  }

  /**
   * {@code count} posted transactions made in the database ({@code generate_series}), ten a day
   * back from {@code newest}: for exports that must run long enough to be canceled.
   */
  void bulk(UUID team, UUID account, int count, LocalDate newest) {
    execute(
        "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date, amount,"
            + " currency, name, method, status) SELECT gen_random_uuid(), ?, ?, 'bulk:' || g,"
            + " CAST(? AS date) - g / 10, -g, 'EUR', 'Bulk ' || g, 'CARD_PURCHASE', 'POSTED'"
            + " FROM generate_series(1, ?) AS g",
        team,
        account,
        newest,
        count);
  }

  /** A document of {@code size} random bytes linked to the transaction. */
  void attachRandom(UUID team, UUID transaction, int size) throws Exception {
    var content = new byte[size];
    new java.util.Random(size).nextBytes(content);
    content[0] = (byte) transaction.hashCode();
    var blob = blobs.put(content);
    linkDocument(team, transaction, "scan.pdf", blob.key(), content.length);
  }

  /**
   * A document linked to the transaction, its content stored in blob storage; returns the content.
   */
  byte[] attach(UUID team, UUID transaction, String fileName) throws Exception {
    var content =
        ("%PDF-1.7 receipt of " + transaction + " " + UUID.randomUUID())
            .getBytes(StandardCharsets.UTF_8);
    var blob = blobs.put(content);
    linkDocument(team, transaction, fileName, blob.key(), content.length);
    return content;
  }

  /** A linked document whose content is gone from blob storage. */
  void attachMissing(UUID team, UUID transaction, String fileName) {
    linkDocument(team, transaction, fileName, "0".repeat(64), 100);
  }

  private void linkDocument(UUID team, UUID transaction, String fileName, String key, long size) {
    execute(
        "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
            + " content_type, size, status, match_status, transaction_id, matched_at)"
            + " VALUES (?, ?, ?, 'UPLOAD', ?, ?, 'application/pdf', ?, 'PROCESSED', 'MATCHED', ?,"
            + " now())",
        Ids.next(),
        team,
        "upload:" + UUID.randomUUID(),
        key,
        fileName,
        size,
        transaction);
  }

  void execute(String sql, Object... params) {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < params.length; i++) {
        statement.setObject(i + 1, params[i]);
      }
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }
}
