package dev.nightshift.inbox.imap;

import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.secret.SecretBox;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code inbox.mailboxes}. Passwords go in and out sealed with the platform {@link SecretBox},
 * bound to the mailbox id. Every write joins the caller's transaction.
 */
@ApplicationScoped
class MailboxStore {

  private static final String COLUMNS =
      "id, team_id, host, port, security, username, folder, uid_validity, last_uid, status,"
          + " last_polled_at, last_error, consecutive_failures, schedule_id, created_at,"
          + " updated_at";

  /** PostgreSQL's unique_violation. */
  private static final String UNIQUE_VIOLATION = "23505";

  private final DataSource dataSource;
  private final SecretBox secrets;

  MailboxStore(DataSource dataSource, SecretBox secrets) {
    this.dataSource = dataSource;
    this.secrets = secrets;
  }

  /**
   * @throws DuplicateMailboxException when the team already polls this folder of this account
   */
  Mailbox insert(UUID id, UUID team, Login login, UUID scheduleId) {
    var sql =
        "INSERT INTO inbox.mailboxes (id, team_id, host, port, security, username,"
            + " password_sealed, folder, schedule_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " RETURNING "
            + COLUMNS;
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, id);
      insert.setObject(2, team);
      insert.setString(3, login.host());
      insert.setInt(4, login.port());
      insert.setString(5, login.security().name());
      insert.setString(6, login.username());
      insert.setString(7, secrets.seal(login.password(), context(id)));
      insert.setString(8, login.folder());
      insert.setObject(9, scheduleId);
      try (var rs = insert.executeQuery()) {
        rs.next();
        return read(rs);
      }
    } catch (SQLException e) {
      throw duplicateOr(e, "Could not store the mailbox");
    }
  }

  Optional<Mailbox> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT " + COLUMNS + " FROM inbox.mailboxes WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read mailbox " + id, e);
    }
  }

  /** A team's mailboxes, oldest first: a team has a handful, so the list is not paged. */
  List<Mailbox> listFor(UUID team) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM inbox.mailboxes WHERE team_id = ? ORDER BY id")) {
      select.setObject(1, team);
      try (var rs = select.executeQuery()) {
        var mailboxes = new ArrayList<Mailbox>();
        while (rs.next()) {
          mailboxes.add(read(rs));
        }
        return mailboxes;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the mailboxes of team " + team, e);
    }
  }

  /** The mailbox's login, its password opened. */
  Optional<Login> login(UUID id) {
    var sql =
        "SELECT host, port, security, username, password_sealed, folder FROM inbox.mailboxes"
            + " WHERE id = ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        return Optional.of(
            new Login(
                rs.getString(1),
                rs.getInt(2),
                Security.valueOf(rs.getString(3)),
                rs.getString(4),
                secrets.open(rs.getString(5), context(id)),
                rs.getString(6)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the login of mailbox " + id, e);
    }
  }

  void changePassword(UUID id, String password) {
    update(
        "UPDATE inbox.mailboxes SET password_sealed = ?, updated_at = now() WHERE id = ?",
        secrets.seal(password, context(id)),
        id);
  }

  /**
   * Another folder has UIDs of its own: polling it starts from its first message.
   *
   * @throws DuplicateMailboxException when the team already polls that folder of the account
   */
  void changeFolder(UUID id, String folder) {
    try {
      update(
          "UPDATE inbox.mailboxes SET folder = ?, uid_validity = NULL, last_uid = 0,"
              + " updated_at = now() WHERE id = ?",
          folder,
          id);
    } catch (IllegalStateException e) {
      if (e.getCause() instanceof SQLException sql) {
        throw duplicateOr(sql, e.getMessage());
      }
      throw e;
    }
  }

  /** Turned on again: ACTIVE with its failures forgotten. */
  void activate(UUID id) {
    update(
        "UPDATE inbox.mailboxes SET status = 'ACTIVE', consecutive_failures = 0,"
            + " last_error = NULL, updated_at = now() WHERE id = ?",
        id);
  }

  void deactivate(UUID id) {
    update("UPDATE inbox.mailboxes SET status = 'DISABLED', updated_at = now() WHERE id = ?", id);
  }

  void setSchedule(UUID id, UUID scheduleId) {
    update(
        "UPDATE inbox.mailboxes SET schedule_id = ?, updated_at = now() WHERE id = ?",
        scheduleId,
        id);
  }

  boolean delete(UUID id) {
    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement("DELETE FROM inbox.mailboxes WHERE id = ?")) {
      delete.setObject(1, id);
      return delete.executeUpdate() > 0;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete mailbox " + id, e);
    }
  }

  /** The folder's UIDs were reset (another UIDVALIDITY): every message is new again. */
  void restart(UUID id, long uidValidity) {
    update(
        "UPDATE inbox.mailboxes SET uid_validity = ?, last_uid = 0, updated_at = now()"
            + " WHERE id = ?",
        uidValidity,
        id);
  }

  /**
   * The message with {@code uid} is read. Never moves backwards, so a poll that overlaps another (a
   * run rescued from a node that was only slow) cannot make messages new again.
   */
  void advance(UUID id, long uidValidity, long uid) {
    update(
        "UPDATE inbox.mailboxes SET last_uid = GREATEST(last_uid, ?), updated_at = now()"
            + " WHERE id = ? AND uid_validity = ?",
        uid,
        id,
        uidValidity);
  }

  /** A poll went through: ACTIVE, unless it was turned off meanwhile. */
  void succeeded(UUID id) {
    update(
        "UPDATE inbox.mailboxes SET status = CASE WHEN status = 'DISABLED' THEN status"
            + " ELSE 'ACTIVE' END, consecutive_failures = 0, last_error = NULL,"
            + " last_polled_at = now(), updated_at = now() WHERE id = ?",
        id);
  }

  /**
   * A poll failed for good: FAILING, or DISABLED once {@code disableAfter} polls in a row failed.
   *
   * @return the status it has now; empty when the mailbox is gone
   */
  Optional<MailboxStatus> failed(UUID id, String error, int disableAfter) {
    var sql =
        "UPDATE inbox.mailboxes SET consecutive_failures = consecutive_failures + 1,"
            + " last_error = ?, last_polled_at = now(), updated_at = now(),"
            + " status = CASE WHEN status = 'DISABLED' OR consecutive_failures + 1 >= ?"
            + " THEN 'DISABLED' ELSE 'FAILING' END WHERE id = ? RETURNING status";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setString(1, error);
      update.setInt(2, disableAfter);
      update.setObject(3, id);
      try (var rs = update.executeQuery()) {
        return rs.next() ? Optional.of(MailboxStatus.valueOf(rs.getString(1))) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record the failure of mailbox " + id, e);
    }
  }

  /** An attempt failed and will be retried: the error is shown, the failure not yet counted. */
  void noteError(UUID id, String error) {
    update("UPDATE inbox.mailboxes SET last_error = ?, updated_at = now() WHERE id = ?", error, id);
  }

  private void update(String sql, Object... parameters) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update a mailbox", e);
    }
  }

  private static RuntimeException duplicateOr(SQLException e, String message) {
    if (UNIQUE_VIOLATION.equals(e.getSQLState())) {
      return new DuplicateMailboxException();
    }
    return new IllegalStateException(message, e);
  }

  private static Mailbox read(ResultSet rs) throws SQLException {
    long uidValidity = rs.getLong("uid_validity");
    boolean noUidValidity = rs.wasNull();
    return new Mailbox(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getString("host"),
        rs.getInt("port"),
        Security.valueOf(rs.getString("security")),
        rs.getString("username"),
        rs.getString("folder"),
        noUidValidity ? null : uidValidity,
        rs.getLong("last_uid"),
        MailboxStatus.valueOf(rs.getString("status")),
        Rows.instant(rs, "last_polled_at"),
        rs.getString("last_error"),
        rs.getInt("consecutive_failures"),
        rs.getObject("schedule_id", UUID.class),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  private static String context(UUID mailbox) {
    return "inbox.mailboxes:" + mailbox;
  }
}
