package dev.nightshift.transactions.connection;

import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.secret.SecretBox;
import dev.nightshift.transactions.provider.Credentials;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code transactions.bank_connections}; access tokens go in and out sealed. */
@ApplicationScoped
public class ConnectionStore {

  private static final String COLUMNS =
      "id, team_id, provider, institution_id, institution_name, reference, status,"
          + " last_synced_at, last_error, error_count, created_at";

  private final DataSource dataSource;
  private final SecretBox secrets;

  ConnectionStore(DataSource dataSource, SecretBox secrets) {
    this.dataSource = dataSource;
    this.secrets = secrets;
  }

  /** Stores a new connection; joins the caller's transaction. */
  public void insert(BankConnection connection, Credentials credentials) {
    String sql =
        "INSERT INTO transactions.bank_connections (id, team_id, provider, institution_id,"
            + " institution_name, reference, access_token_sealed) VALUES (?, ?, ?, ?, ?, ?, ?)";
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, connection.id());
      insert.setObject(2, connection.teamId());
      insert.setString(3, connection.provider());
      insert.setString(4, connection.institutionId());
      insert.setString(5, connection.institutionName());
      insert.setString(6, credentials.reference());
      insert.setString(
          7,
          credentials.accessToken() == null
              ? null
              : secrets.seal(credentials.accessToken(), context(connection.id())));
      insert.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the connection", e);
    }
  }

  public Optional<BankConnection> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM transactions.bank_connections WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read connection " + id, e);
    }
  }

  /** A team's connections, oldest first. */
  public List<BankConnection> listFor(UUID team) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM transactions.bank_connections WHERE team_id = ?"
                    + " ORDER BY created_at, id")) {
      select.setObject(1, team);
      var connections = new ArrayList<BankConnection>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          connections.add(read(rs));
        }
      }
      return connections;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list connections", e);
    }
  }

  /** Connections a provider webhook names by its item or enrollment id. */
  public List<BankConnection> byReference(String provider, String reference) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM transactions.bank_connections WHERE provider = ? AND reference = ?")) {
      select.setString(1, provider);
      select.setString(2, reference);
      var connections = new ArrayList<BankConnection>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          connections.add(read(rs));
        }
      }
      return connections;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not find connections by reference", e);
    }
  }

  /** The connection's credentials, the access token decrypted. */
  public Credentials credentials(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT reference, access_token_sealed FROM transactions.bank_connections"
                    + " WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("Connection " + id + " is gone");
        }
        String sealed = rs.getString(2);
        return new Credentials(
            sealed == null ? null : secrets.open(sealed, context(id)), rs.getString(1));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the credentials of connection " + id, e);
    }
  }

  /** A sync went through: connected, errors cleared. */
  public void synced(UUID id) {
    update(
        "UPDATE transactions.bank_connections SET status = 'CONNECTED', last_synced_at = now(),"
            + " last_error = NULL, error_count = 0, updated_at = now() WHERE id = ?",
        id);
  }

  /** A sync failed for now; it is retried. */
  public void failed(UUID id, String error) {
    updateWithError(
        "UPDATE transactions.bank_connections SET last_error = ?, error_count = error_count + 1,"
            + " updated_at = now() WHERE id = ?",
        error,
        id);
  }

  /** The provider refused the credentials: nothing syncs until the user reconnects. */
  public void disconnected(UUID id, String error) {
    updateWithError(
        "UPDATE transactions.bank_connections SET status = 'DISCONNECTED', last_error = ?,"
            + " error_count = error_count + 1, updated_at = now() WHERE id = ?",
        error,
        id);
  }

  /** The provider says access works again (a repaired login). */
  public void reconnected(UUID id) {
    update(
        "UPDATE transactions.bank_connections SET status = 'CONNECTED', last_error = NULL,"
            + " error_count = 0, updated_at = now() WHERE id = ?",
        id);
  }

  /** Deletes the connection with its accounts and transactions; false if it was gone. */
  public boolean delete(UUID id) {
    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement("DELETE FROM transactions.bank_connections WHERE id = ?")) {
      delete.setObject(1, id);
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete connection " + id, e);
    }
  }

  /** Seals a secret for a task's payload, bound to the connection it came from. */
  public String sealFor(UUID id, String secret) {
    return secret == null ? null : secrets.seal(secret, context(id));
  }

  /** Opens what {@link #sealFor} sealed. */
  public String openFor(UUID id, String sealed) {
    return sealed == null ? null : secrets.open(sealed, context(id));
  }

  private void update(String sql, UUID id) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setObject(1, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update connection " + id, e);
    }
  }

  private void updateWithError(String sql, String error, UUID id) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setString(1, error);
      update.setObject(2, id);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update connection " + id, e);
    }
  }

  private static String context(UUID connection) {
    return "bank_connections:" + connection;
  }

  private static BankConnection read(ResultSet rs) throws SQLException {
    return new BankConnection(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getString("provider"),
        rs.getString("institution_id"),
        rs.getString("institution_name"),
        rs.getString("reference"),
        rs.getString("status"),
        Rows.instant(rs, "last_synced_at"),
        rs.getString("last_error"),
        rs.getInt("error_count"),
        Rows.instant(rs, "created_at"));
  }
}
