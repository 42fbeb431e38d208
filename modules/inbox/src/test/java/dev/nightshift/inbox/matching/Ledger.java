package dev.nightshift.inbox.matching;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes teams, bank transactions and processed inbox items with SQL, as the transactions module
 * and the inbox's processing would leave them, and reads back what matching did. The benchmarks
 * share its {@link #fillTransactions big ledger}.
 */
public final class Ledger {

  private final DataSource dataSource;
  private final TeamStore teams;

  public Ledger(DataSource dataSource, TeamStore teams) {
    this.dataSource = dataSource;
    this.teams = teams;
  }

  /** A new team with one bank account; returns the team, whose account is {@link #account}. */
  UUID team() {
    var team =
        teams
            .create(new NewTeam("Matching", "m-" + UUID.randomUUID().toString().substring(0, 8)))
            .id();
    connectBank(team);
    return team;
  }

  /** Gives a team without one a bank connection with one account, {@link #account}. */
  public void connectBank(UUID team) {
    var connection = Ids.next();
    execute(
        "INSERT INTO transactions.bank_connections (id, team_id, provider) VALUES (?, ?, 'sandbox')",
        connection,
        team);
    execute(
        "INSERT INTO transactions.bank_accounts (id, team_id, connection_id, provider_account_id,"
            + " name, type, currency) VALUES (?, ?, ?, 'acc', 'Checking', 'DEPOSITORY', 'EUR')",
        Ids.next(),
        team,
        connection);
  }

  public UUID account(UUID team) {
    return queryOne(
        "SELECT id FROM transactions.bank_accounts WHERE team_id = ?", UUID.class, team);
  }

  /**
   * Fills the team's account with {@code count} posted card payments in EUR, made in the database
   * ({@code generate_series}) because a million single inserts would take the benchmark's whole
   * time: dates spread evenly over {@code days} days from {@code from}, amounts −1.00 to −5,000.00
   * at random, 500 merchants {@code VENDOR 0} to {@code VENDOR 499}. Then analyzes the table, so
   * the candidate query is planned for its size.
   */
  public void fillTransactions(UUID team, int count, LocalDate from, int days) {
    execute(
        "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date,"
            + " amount, currency, name, merchant, method, status)"
            + " SELECT gen_random_uuid(), ?, ?, 'bench:' || g, CAST(? AS date) + (g % ?),"
            + " -round((1 + random() * 4999)::numeric, 2), 'EUR', 'VENDOR ' || (g % 500),"
            + " 'VENDOR ' || (g % 500), 'CARD_PURCHASE', 'POSTED'"
            + " FROM generate_series(1, ?) AS g",
        team, account(team), from, days, count);
    execute("ANALYZE transactions.transactions");
  }

  /** A posted transaction; {@code amount} signed. */
  UUID transaction(UUID team, LocalDate date, String amount, String currency, String name) {
    var id = Ids.next();
    execute(
        "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date, amount,"
            + " currency, name, merchant, method, status)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'CARD_PURCHASE', 'POSTED')",
        id,
        team,
        account(team),
        "sandbox:" + id,
        date,
        new BigDecimal(amount),
        currency,
        name,
        name);
    return id;
  }

  /** A processed invoice waiting for its transaction. */
  UUID invoice(UUID team, String amount, String currency, LocalDate date, String vendor) {
    return item(team, "INVOICE", amount, currency, date, vendor, Instant.now());
  }

  UUID item(
      UUID team,
      String kind,
      String amount,
      String currency,
      LocalDate date,
      String vendor,
      Instant createdAt) {
    var id = Ids.next();
    execute(
        "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
            + " content_type, size, status, kind, amount, currency, invoice_date, vendor,"
            + " created_at) VALUES (?, ?, ?, 'UPLOAD', 'blob', 'invoice.pdf', 'application/pdf',"
            + " 1, 'PROCESSED', ?, ?, ?, ?, ?, ?)",
        id,
        team,
        "ref-" + id,
        kind,
        new BigDecimal(amount),
        currency,
        date,
        vendor,
        Timestamp.from(createdAt));
    return id;
  }

  String matchStatus(UUID item) {
    return queryOne("SELECT match_status FROM inbox.items WHERE id = ?", String.class, item);
  }

  UUID linkedTransaction(UUID item) {
    return queryOne("SELECT transaction_id FROM inbox.items WHERE id = ?", UUID.class, item);
  }

  boolean hasMatchedAt(UUID item) {
    return queryOne(
        "SELECT matched_at IS NOT NULL FROM inbox.items WHERE id = ?", Boolean.class, item);
  }

  /** "status/how" of the pair, or null without one. */
  String suggestion(UUID item, UUID transaction) {
    return queryOne(
        "SELECT status || '/' || how FROM inbox.suggestions WHERE inbox_id = ?"
            + " AND transaction_id = ?",
        String.class,
        item,
        transaction);
  }

  /** The inbox.matched events of an item, as JSON text. */
  List<String> matchedEvents(UUID item) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT payload::text FROM engine.events WHERE name = 'inbox.matched'"
                    + " AND payload ->> 'inboxId' = ? ORDER BY id")) {
      select.setString(1, item.toString());
      var found = new ArrayList<String>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(rs.getString(1));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void execute(String sql, Object... parameters) {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      statement.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run " + sql, e);
    }
  }

  <T> T queryOne(String sql, Class<T> type, Object... parameters) {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        statement.setObject(i + 1, parameters[i]);
      }
      try (var rs = statement.executeQuery()) {
        return rs.next() ? rs.getObject(1, type) : null;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not run " + sql, e);
    }
  }
}
