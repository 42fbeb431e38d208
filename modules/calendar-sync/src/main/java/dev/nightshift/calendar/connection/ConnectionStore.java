package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.database.Statements;
import dev.nightshift.platform.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code calendar.connections}. OAuth tokens and feed addresses are sealed by the {@link SecretBox}
 * for the connection's id and the column, so a sealed value copied to another row or column does
 * not open. Every write joins the caller's transaction.
 */
@ApplicationScoped
public class ConnectionStore {

  private static final String COLUMNS =
      "id, team_id, provider, name, token_expires_at, active, deactivated_reason, created_at,"
          + " updated_at";

  private final DataSource dataSource;
  private final SecretBox secrets;

  ConnectionStore(DataSource dataSource, SecretBox secrets) {
    this.dataSource = dataSource;
    this.secrets = secrets;
  }

  /** Stores a Google connection with its tokens. */
  public void insertOAuth(UUID id, UUID team, String name, OAuthState tokens) {
    execute(
        "INSERT INTO calendar.connections (id, team_id, provider, name, access_token_sealed,"
            + " refresh_token_sealed, token_expires_at) VALUES (?, ?, 'google', ?, ?, ?, ?)",
        id,
        team,
        name,
        secrets.seal(tokens.accessToken(), context(id, "access")),
        secrets.seal(tokens.refreshToken(), context(id, "refresh")),
        Timestamp.from(tokens.expiresAt()));
  }

  /** Stores an ICS connection with its feed's address. */
  public void insertFeed(UUID id, UUID team, String name, URI url) {
    execute(
        "INSERT INTO calendar.connections (id, team_id, provider, name, feed_url_sealed)"
            + " VALUES (?, ?, 'ics', ?, ?)",
        id,
        team,
        name,
        secrets.seal(url.toString(), context(id, "feed")));
  }

  public Optional<CalendarConnection> find(UUID id) {
    var found = query("SELECT " + COLUMNS + " FROM calendar.connections WHERE id = ?", id);
    return found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
  }

  /** A team's connections, oldest first. */
  public List<CalendarConnection> list(UUID team, Cursor after, int limit) {
    if (after == null) {
      return query(
          "SELECT "
              + COLUMNS
              + " FROM calendar.connections WHERE team_id = ? ORDER BY created_at, id LIMIT ?",
          team,
          limit);
    }
    return query(
        "SELECT "
            + COLUMNS
            + " FROM calendar.connections WHERE team_id = ? AND (created_at, id) > (?, ?)"
            + " ORDER BY created_at, id LIMIT ?",
        team,
        Timestamp.from(after.createdAt()),
        after.id(),
        limit);
  }

  /** A team's connections that syncs still read. */
  public List<CalendarConnection> activeOf(UUID team) {
    return query(
        "SELECT "
            + COLUMNS
            + " FROM calendar.connections WHERE team_id = ? AND active ORDER BY created_at, id",
        team);
  }

  /** Teams with at least one active connection, in id order. */
  public List<UUID> teamsWithActiveConnections() {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT DISTINCT team_id FROM calendar.connections WHERE active"
                    + " ORDER BY team_id")) {
      var teams = new ArrayList<UUID>();
      try (var rs = query.executeQuery()) {
        while (rs.next()) {
          teams.add(rs.getObject(1, UUID.class));
        }
      }
      return teams;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list teams with calendar connections", e);
    }
  }

  /** The Google connection's tokens, opened. */
  public OAuthState oauth(UUID id) {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT access_token_sealed, refresh_token_sealed, token_expires_at"
                    + " FROM calendar.connections WHERE id = ? AND provider = 'google'")) {
      query.setObject(1, id);
      try (var rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No Google connection " + id);
        }
        return new OAuthState(
            secrets.open(rs.getString(1), context(id, "access")),
            secrets.open(rs.getString(2), context(id, "refresh")),
            Rows.instant(rs, "token_expires_at"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a connection's tokens", e);
    }
  }

  /** The ICS connection's feed address, opened. */
  public URI feedUrl(UUID id) {
    try (var c = dataSource.getConnection();
        var query =
            c.prepareStatement(
                "SELECT feed_url_sealed FROM calendar.connections"
                    + " WHERE id = ? AND provider = 'ics'")) {
      query.setObject(1, id);
      try (var rs = query.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalStateException("No ICS connection " + id);
        }
        return URI.create(secrets.open(rs.getString(1), context(id, "feed")));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a connection's feed address", e);
    }
  }

  /** A refreshed access token; the refresh token too when the provider rotated it. */
  public void updateTokens(UUID id, OAuthState tokens) {
    execute(
        "UPDATE calendar.connections SET access_token_sealed = ?, refresh_token_sealed = ?,"
            + " token_expires_at = ?, updated_at = now() WHERE id = ?",
        secrets.seal(tokens.accessToken(), context(id, "access")),
        secrets.seal(tokens.refreshToken(), context(id, "refresh")),
        Timestamp.from(tokens.expiresAt()),
        id);
  }

  /** The provider refused the grant for good: syncs skip the connection until reconnected. */
  public void deactivate(UUID id, String reason) {
    execute(
        "UPDATE calendar.connections SET active = false, deactivated_reason = ?,"
            + " updated_at = now() WHERE id = ?",
        reason,
        id);
  }

  /** Deletes the connection; its calendars, events, sync states and log cascade. */
  public boolean delete(UUID id) {
    return execute("DELETE FROM calendar.connections WHERE id = ?", id) == 1;
  }

  private static String context(UUID id, String column) {
    return "calendar.connections:" + id + ":" + column;
  }

  private List<CalendarConnection> query(String sql, Object... params) {
    return Statements.list(
        dataSource, "read calendar connections", sql, ConnectionStore::read, params);
  }

  private int execute(String sql, Object... params) {
    return Statements.update(dataSource, "write a calendar connection", sql, params);
  }

  private static CalendarConnection read(ResultSet rs) throws SQLException {
    return new CalendarConnection(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        ProviderName.fromWire(rs.getString("provider")),
        rs.getString("name"),
        Rows.instant(rs, "token_expires_at"),
        rs.getBoolean("active"),
        rs.getString("deactivated_reason"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
