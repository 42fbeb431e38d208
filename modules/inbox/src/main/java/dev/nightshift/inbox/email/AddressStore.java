package dev.nightshift.inbox.email;

import jakarta.enterprise.context.ApplicationScoped;
import java.security.SecureRandom;
import java.sql.SQLException;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code inbox.addresses}: the token that makes up each team's inbound address. A team gets one the
 * first time it asks; it is random, so an address cannot be guessed from a team's id.
 */
@ApplicationScoped
public class AddressStore {

  private static final char[] ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789".toCharArray();
  private static final int LENGTH = 12;

  private final SecureRandom random = new SecureRandom();
  private final DataSource dataSource;

  AddressStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The team's token, made on first use. */
  public String tokenFor(UUID team) {
    return assign(team, newToken());
  }

  /**
   * Gives the team this token unless it has one already.
   *
   * @return the team's token, whichever it is
   */
  public String assign(UUID team, String token) {
    var sql =
        "INSERT INTO inbox.addresses (team_id, token) VALUES (?, ?) ON CONFLICT (team_id) DO"
            + " UPDATE SET team_id = EXCLUDED.team_id RETURNING token";
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, team);
      insert.setString(2, token);
      try (var rs = insert.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not assign an inbox address", e);
    }
  }

  public Optional<UUID> teamOf(String token) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement("SELECT team_id FROM inbox.addresses WHERE token = ?")) {
      select.setString(1, token);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getObject(1, UUID.class)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look up an inbox address", e);
    }
  }

  private String newToken() {
    var token = new char[LENGTH];
    for (int i = 0; i < LENGTH; i++) {
      token[i] = ALPHABET[random.nextInt(ALPHABET.length)];
    }
    return new String(token);
  }
}
