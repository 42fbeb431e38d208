package dev.nightshift.webhooks.subscription;

import dev.nightshift.platform.database.Rows;
import dev.nightshift.platform.secret.SecretBox;
import dev.nightshift.webhooks.signature.WebhookSecret;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code webhooks.subscriptions}. Secrets go in and out sealed for their subscription's id, so a
 * sealed secret copied onto another row does not open. Every write joins the caller's transaction.
 */
@ApplicationScoped
public class SubscriptionStore {

  private static final String COLUMNS =
      "id, team_id, url, events, description, active, disabled_reason, consecutive_failures,"
          + " previous_secret_expires_at, created_at, updated_at";

  private final DataSource dataSource;
  private final SecretBox secrets;

  SubscriptionStore(DataSource dataSource, SecretBox secrets) {
    this.dataSource = dataSource;
    this.secrets = secrets;
  }

  public Subscription insert(
      UUID id,
      UUID team,
      String url,
      List<String> events,
      String description,
      boolean active,
      WebhookSecret secret) {
    var sql =
        "INSERT INTO webhooks.subscriptions (id, team_id, url, events, description, active,"
            + " secret_sealed) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING "
            + COLUMNS;
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, id);
      insert.setObject(2, team);
      insert.setString(3, url);
      insert.setArray(4, c.createArrayOf("text", events.toArray()));
      insert.setString(5, description);
      insert.setBoolean(6, active);
      insert.setString(7, secrets.seal(secret.value(), context(id)));
      try (var rs = insert.executeQuery()) {
        rs.next();
        return read(rs);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the webhook subscription", e);
    }
  }

  public Optional<Subscription> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks.subscriptions WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read webhook subscription " + id, e);
    }
  }

  /** A team's subscriptions, oldest first; {@code activeOnly} for the ones that receive events. */
  public List<Subscription> listFor(UUID team, boolean activeOnly) {
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM webhooks.subscriptions WHERE team_id = ?"
            + (activeOnly ? " AND active" : "")
            + " ORDER BY created_at, id";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, team);
      var found = new ArrayList<Subscription>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list the webhook subscriptions of " + team, e);
    }
  }

  /**
   * Changes what is given and leaves the rest; turning a subscription on again forgets why it was
   * turned off and its failures.
   */
  public Optional<Subscription> update(
      UUID id, String url, List<String> events, String description, Boolean active) {
    var sql =
        "UPDATE webhooks.subscriptions SET url = coalesce(?, url),"
            + " events = coalesce(?, events), description = coalesce(?, description),"
            + " active = coalesce(?, active),"
            + " disabled_reason = CASE WHEN ? THEN NULL ELSE disabled_reason END,"
            + " consecutive_failures = CASE WHEN ? THEN 0 ELSE consecutive_failures END,"
            + " updated_at = now() WHERE id = ? RETURNING "
            + COLUMNS;
    boolean activating = Boolean.TRUE.equals(active);
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setString(1, url);
      update.setArray(2, events == null ? null : c.createArrayOf("text", events.toArray()));
      update.setString(3, description);
      update.setObject(4, active);
      update.setBoolean(5, activating);
      update.setBoolean(6, activating);
      update.setObject(7, id);
      try (var rs = update.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update webhook subscription " + id, e);
    }
  }

  public boolean delete(UUID id) {
    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement("DELETE FROM webhooks.subscriptions WHERE id = ?")) {
      delete.setObject(1, id);
      return delete.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete webhook subscription " + id, e);
    }
  }

  /** A subscription with the secrets that sign for it, in one read. */
  public Optional<Signing> signing(UUID id) {
    var sql =
        "SELECT "
            + COLUMNS
            + ", secret_sealed, previous_secret_sealed FROM webhooks.subscriptions WHERE id = ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        var previous = rs.getString("previous_secret_sealed");
        var secrets =
            new SigningSecrets(
                new WebhookSecret(this.secrets.open(rs.getString("secret_sealed"), context(id))),
                previous == null
                    ? null
                    : new WebhookSecret(this.secrets.open(previous, context(id))),
                Rows.instant(rs, "previous_secret_expires_at"));
        return Optional.of(new Signing(read(rs), secrets));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the secrets of subscription " + id, e);
    }
  }

  /** Makes {@code next} the signing secret; the current one keeps signing until {@code until}. */
  public Optional<Subscription> rotate(UUID id, WebhookSecret next, Instant until) {
    var sql =
        "UPDATE webhooks.subscriptions SET previous_secret_sealed = secret_sealed,"
            + " previous_secret_expires_at = ?, secret_sealed = ?, updated_at = now()"
            + " WHERE id = ? RETURNING "
            + COLUMNS;
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setTimestamp(1, Timestamp.from(until));
      update.setString(2, secrets.seal(next.value(), context(id)));
      update.setObject(3, id);
      try (var rs = update.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not rotate the secret of subscription " + id, e);
    }
  }

  /**
   * Marks that a run should look at these subscriptions' due deliveries, and answers those that
   * have no such run queued yet: only they need one. The rows are locked first, so a run that
   * clears its mark meanwhile waits for this transaction and then sees its deliveries. The lock is
   * FOR NO KEY UPDATE: the key-share locks that inserting deliveries takes on their subscriptions
   * must not conflict with it, or two fan-outs deadlock.
   */
  public List<UUID> requestDrains(List<UUID> ids) {
    // Marked rows are locked and left as they are: no new row version for each event.
    var sql =
        "WITH locked AS MATERIALIZED (SELECT id, drain_requested FROM webhooks.subscriptions"
            + " WHERE id = ANY (?) ORDER BY id FOR NO KEY UPDATE)"
            + " UPDATE webhooks.subscriptions s SET drain_requested = true FROM locked"
            + " WHERE s.id = locked.id AND NOT locked.drain_requested RETURNING s.id";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setArray(1, c.createArrayOf("uuid", ids.toArray()));
      var needRun = new ArrayList<UUID>();
      try (var rs = update.executeQuery()) {
        while (rs.next()) {
          needRun.add(rs.getObject(1, UUID.class));
        }
      }
      return needRun;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not ask for deliveries to " + ids, e);
    }
  }

  /** A run starts on the subscription's due deliveries: what comes after needs another run. */
  public void clearDrainRequest(UUID id) {
    execute(
        "UPDATE webhooks.subscriptions SET drain_requested = false WHERE id = ? AND drain_requested",
        id);
  }

  /** A delivery succeeded: the run of failures, if any, is over. */
  public void recordSuccess(UUID id) {
    execute(
        "UPDATE webhooks.subscriptions SET consecutive_failures = 0"
            + " WHERE id = ? AND consecutive_failures > 0",
        id);
  }

  /**
   * A delivery failed for good. Turns the subscription off when this failure is the {@code
   * threshold}th in a row, and says whether it did.
   */
  public boolean recordFailure(UUID id, int threshold) {
    var sql =
        "UPDATE webhooks.subscriptions SET consecutive_failures = consecutive_failures + 1,"
            + " active = active AND consecutive_failures + 1 < ?,"
            + " disabled_reason = CASE WHEN active AND consecutive_failures + 1 >= ?"
            + " THEN 'failing' ELSE disabled_reason END, updated_at = now()"
            + " WHERE id = ? RETURNING disabled_reason = 'failing' AND NOT active"
            + " AND consecutive_failures = ?";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setInt(1, threshold);
      update.setInt(2, threshold);
      update.setObject(3, id);
      update.setInt(4, threshold);
      try (var rs = update.executeQuery()) {
        return rs.next() && rs.getBoolean(1);
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count a failure of subscription " + id, e);
    }
  }

  /** Turns an active subscription off; says whether it was on. */
  public boolean disable(UUID id, String reason) {
    var sql =
        "UPDATE webhooks.subscriptions SET active = false, disabled_reason = ?,"
            + " updated_at = now() WHERE id = ? AND active";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setString(1, reason);
      update.setObject(2, id);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not disable subscription " + id, e);
    }
  }

  private void execute(String sql, UUID id) {
    try (var c = dataSource.getConnection();
        var statement = c.prepareStatement(sql)) {
      statement.setObject(1, id);
      statement.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update subscription " + id, e);
    }
  }

  private static String context(UUID id) {
    return "webhooks.subscription:" + id;
  }

  private static Subscription read(ResultSet rs) throws SQLException {
    return new Subscription(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getString("url"),
        strings(rs.getArray("events")),
        rs.getString("description"),
        rs.getBoolean("active"),
        rs.getString("disabled_reason"),
        rs.getInt("consecutive_failures"),
        Rows.instant(rs, "previous_secret_expires_at"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }

  private static List<String> strings(Array array) throws SQLException {
    return List.of((String[]) array.getArray());
  }
}
