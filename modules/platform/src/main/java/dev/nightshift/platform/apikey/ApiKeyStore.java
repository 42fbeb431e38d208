package dev.nightshift.platform.apikey;

import static dev.nightshift.platform.database.Rows.instant;

import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** API keys in {@code platform.api_keys}, found by the digest of their secret. */
@ApplicationScoped
public class ApiKeyStore {

  private static final String COLUMNS = "id, team_id, name, prefix, created_at, revoked_at";

  private final DataSource dataSource;

  ApiKeyStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Issues a new random key for {@code teamId}; its secret is in the result and nowhere else. */
  public IssuedApiKey issue(UUID teamId, String name) {
    return store(teamId, name, ApiKeys.generate());
  }

  /**
   * Stores {@code secret} as a key of {@code teamId} unless a key with that secret exists. For keys
   * chosen elsewhere (the demo's well-known key), never for keys given to users.
   */
  public void ensure(UUID teamId, String name, String secret) {
    if (activeTeamOf(ApiKeys.hash(secret)).isEmpty()) {
      store(teamId, name, secret);
    }
  }

  private IssuedApiKey store(UUID teamId, String name, String secret) {
    var id = UUID.randomUUID();
    var prefix = ApiKeys.visiblePart(secret);
    try (Connection c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO platform.api_keys (id, team_id, name, prefix, secret_hash)"
                    + " VALUES (?, ?, ?, ?, ?) RETURNING created_at")) {
      insert.setObject(1, id);
      insert.setObject(2, teamId);
      insert.setString(3, name);
      insert.setString(4, prefix);
      insert.setBytes(5, ApiKeys.hash(secret));
      try (var rs = insert.executeQuery()) {
        rs.next();
        return new IssuedApiKey(id, teamId, name, prefix, secret, instant(rs, "created_at"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store an API key", e);
    }
  }

  /** The team of the unrevoked key whose secret has this digest. */
  public Optional<UUID> activeTeamOf(byte[] secretHash) {
    try (Connection c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT team_id FROM platform.api_keys"
                    + " WHERE secret_hash = ? AND revoked_at IS NULL")) {
      select.setBytes(1, secretHash);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up an API key", e);
    }
  }

  /** Every key of the team, revoked ones included, oldest first. */
  public List<ApiKey> listFor(UUID teamId) {
    try (Connection c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM platform.api_keys WHERE team_id = ?"
                    + " ORDER BY created_at, id")) {
      select.setObject(1, teamId);
      var keys = new ArrayList<ApiKey>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          keys.add(read(rs));
        }
      }
      return keys;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list API keys", e);
    }
  }

  /** Revokes the key; revoking a revoked key changes nothing. 404 for another team's key. */
  public void revoke(UUID teamId, UUID keyId) {
    try (Connection c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE platform.api_keys SET revoked_at = coalesce(revoked_at, now())"
                    + " WHERE id = ? AND team_id = ?")) {
      update.setObject(1, keyId);
      update.setObject(2, teamId);
      if (update.executeUpdate() == 0) {
        throw ProblemException.notFound("API key", keyId);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not revoke an API key", e);
    }
  }

  private static ApiKey read(ResultSet rs) throws SQLException {
    return new ApiKey(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getString("name"),
        rs.getString("prefix"),
        instant(rs, "created_at"),
        instant(rs, "revoked_at"));
  }
}
