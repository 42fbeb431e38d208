package dev.nightshift.transactions.account;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import dev.nightshift.transactions.provider.ProviderAccount;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code transactions.bank_accounts}. */
@ApplicationScoped
public class AccountStore {

  private static final String COLUMNS =
      "id, team_id, connection_id, provider_account_id, name, type, currency, balance,"
          + " available_balance, enabled, created_at";

  private final DataSource dataSource;

  AccountStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Stores the provider's accounts of a connection: new ones enabled, known ones with their name,
   * type and balances refreshed and their enabled flag kept. Returns all of the connection's
   * accounts.
   */
  public List<BankAccount> upsert(UUID team, UUID connection, List<ProviderAccount> accounts) {
    String sql =
        """
        INSERT INTO transactions.bank_accounts (id, team_id, connection_id, provider_account_id,
            name, type, currency, balance, available_balance)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
        ON CONFLICT (connection_id, provider_account_id) DO UPDATE SET name = EXCLUDED.name,
            type = EXCLUDED.type, currency = EXCLUDED.currency, balance = EXCLUDED.balance,
            available_balance = EXCLUDED.available_balance, updated_at = now()
        """;
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(sql)) {
      for (var account : accounts) {
        upsert.setObject(1, Ids.next());
        upsert.setObject(2, team);
        upsert.setObject(3, connection);
        upsert.setString(4, account.id());
        upsert.setString(5, account.name());
        upsert.setString(6, account.type().name());
        upsert.setString(7, account.currency());
        upsert.setBigDecimal(8, account.balance());
        upsert.setBigDecimal(9, account.availableBalance());
        upsert.addBatch();
      }
      upsert.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the accounts", e);
    }
    return ofConnection(connection);
  }

  public List<BankAccount> ofConnection(UUID connection) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM transactions.bank_accounts WHERE connection_id = ?"
            + " ORDER BY created_at, id",
        connection);
  }

  public List<BankAccount> ofTeam(UUID team) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM transactions.bank_accounts WHERE team_id = ?"
            + " ORDER BY created_at, id",
        team);
  }

  public Optional<BankAccount> find(UUID id) {
    return query("SELECT " + COLUMNS + " FROM transactions.bank_accounts WHERE id = ?", id).stream()
        .findFirst();
  }

  /** Enables or disables an account; disabled accounts are skipped by syncs. */
  public void setEnabled(UUID id, boolean enabled) {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE transactions.bank_accounts SET enabled = ?, updated_at = now()"
                    + " WHERE id = ?")) {
      update.setBoolean(1, enabled);
      update.setObject(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update account " + id, e);
    }
  }

  private List<BankAccount> query(String sql, UUID param) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, param);
      var accounts = new ArrayList<BankAccount>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          accounts.add(read(rs));
        }
      }
      return accounts;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read accounts", e);
    }
  }

  private static BankAccount read(ResultSet rs) throws SQLException {
    return new BankAccount(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getObject("connection_id", UUID.class),
        rs.getString("provider_account_id"),
        rs.getString("name"),
        rs.getString("type"),
        rs.getString("currency"),
        rs.getBigDecimal("balance"),
        rs.getBigDecimal("available_balance"),
        rs.getBoolean("enabled"),
        Rows.instant(rs, "created_at"));
  }
}
