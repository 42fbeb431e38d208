package dev.nightshift.transactions;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes teams, bank accounts and transactions with SQL, with the dates, statuses and times a test
 * needs, and reads back the columns the module sets.
 */
public final class TestBank {

  private final DataSource dataSource;
  private final TeamStore teams;

  public TestBank(DataSource dataSource, TeamStore teams) {
    this.dataSource = dataSource;
    this.teams = teams;
  }

  /** A new team, without accounts. */
  public UUID team() {
    return teams
        .create(new NewTeam("Bank", "b-" + UUID.randomUUID().toString().substring(0, 8)))
        .id();
  }

  /** A new account of the team, on a connection of its own. */
  public UUID account(UUID team, String name) {
    var connection = Ids.next();
    execute(
        "INSERT INTO transactions.bank_connections (id, team_id, provider) VALUES (?, ?, 'sandbox')",
        connection,
        team);
    var account = Ids.next();
    execute(
        "INSERT INTO transactions.bank_accounts (id, team_id, connection_id, provider_account_id,"
            + " name, type, currency) VALUES (?, ?, ?, ?, ?, 'DEPOSITORY', 'EUR')",
        account,
        team,
        connection,
        "acc-" + account,
        name);
    return account;
  }

  /** A posted card payment of −10.00 EUR named {@code name}, stored now. */
  public UUID transaction(UUID team, UUID account, LocalDate date, String name) {
    return transaction(team, account, date, name, "POSTED", Instant.now());
  }

  /** A transaction with a random id (so ids of one date sort in no particular order). */
  public UUID transaction(
      UUID team, UUID account, LocalDate date, String name, String status, Instant createdAt) {
    var id = UUID.randomUUID();
    execute(
        "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date, amount,"
            + " currency, name, description, merchant, counterparty, category, method, status,"
            + " balance, created_at) VALUES (?, ?, ?, ?, ?, -10.00, 'EUR', ?, ?, ?, ?, 'software',"
            + " 'CARD_PURCHASE', ?, 90.00, ?)",
        id,
        team,
        account,
        "sandbox:" + id,
        date,
        name,
        "Description " + name,
        "Merchant " + name,
        "Counterparty " + name,
        status,
        OffsetDateTime.ofInstant(createdAt, ZoneOffset.UTC));
    return id;
  }

  /**
   * {@code count} posted transactions of the account made in the database, dated over {@code days}
   * days back from {@code last}, stored an hour ago; returns their ids.
   */
  public List<UUID> fill(UUID team, UUID account, int count, LocalDate last, int days) {
    var ids = new ArrayList<UUID>(count);
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO transactions.transactions (id, team_id, account_id, internal_id, date,"
                    + " amount, currency, name, method, status, created_at)"
                    + " SELECT gen_random_uuid(), ?, ?, 'fill:' || gen_random_uuid(),"
                    + " CAST(? AS date) - (g % ?), -1.00, 'EUR', 'Fill ' || g, 'CARD_PURCHASE',"
                    + " 'POSTED', now() - interval '1 hour' FROM generate_series(1, ?) AS g"
                    + " RETURNING id")) {
      insert.setObject(1, team);
      insert.setObject(2, account);
      insert.setObject(3, last);
      insert.setInt(4, days);
      insert.setInt(5, count);
      try (var rs = insert.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  public void exported(UUID transaction, Instant at) {
    execute(
        "UPDATE transactions.transactions SET exported_at = ? WHERE id = ?",
        OffsetDateTime.ofInstant(at, ZoneOffset.UTC),
        transaction);
  }

  public void note(UUID transaction, String note) {
    execute("UPDATE transactions.transactions SET note = ? WHERE id = ?", note, transaction);
  }

  public Instant exportedAt(UUID transaction) {
    var at =
        queryOne(
            "SELECT exported_at FROM transactions.transactions WHERE id = ?",
            OffsetDateTime.class,
            transaction);
    return at == null ? null : at.toInstant();
  }

  public long count(String sql, Object... parameters) {
    return queryOne(sql, Long.class, parameters);
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

  public <T> T queryOne(String sql, Class<T> type, Object... parameters) {
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
