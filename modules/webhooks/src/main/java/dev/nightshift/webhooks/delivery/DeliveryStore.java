package dev.nightshift.webhooks.delivery;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.platform.database.Conditions;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * {@code webhooks.deliveries} and {@code webhooks.delivery_attempts}. Every write joins the
 * caller's transaction.
 */
@ApplicationScoped
public class DeliveryStore {

  private static final String COLUMNS =
      "id, team_id, subscription_id, event_id, event_name, status, attempts, round_attempts,"
          + " CASE WHEN status = 'pending' THEN next_attempt_at END AS next_attempt_at,"
          + " last_status_code, last_error, run_id, created_at, finished_at";
  private static final TypeReference<Map<String, List<String>>> HEADERS = new TypeReference<>() {};

  private final DataSource dataSource;
  private final ObjectMapper json;

  DeliveryStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Stores the deliveries in one statement and answers the ids of those that are new: an event
   * already delivered to a subscription makes no second delivery.
   */
  List<UUID> insert(List<NewDelivery> deliveries) {
    var sql =
        "INSERT INTO webhooks.deliveries (id, team_id, subscription_id, event_id, event_name, body)"
            + " SELECT d.id, d.team_id, d.subscription_id, d.event_id, d.event_name, d.body"
            + " FROM jsonb_to_recordset(?::jsonb) AS d(id uuid, team_id uuid, subscription_id uuid,"
            + " event_id uuid, event_name text, body text)"
            + " ON CONFLICT (subscription_id, event_id) DO NOTHING RETURNING id";
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setString(1, json.writeValueAsString(deliveries));
      var inserted = new ArrayList<UUID>(deliveries.size());
      try (var rs = insert.executeQuery()) {
        while (rs.next()) {
          inserted.add(rs.getObject(1, UUID.class));
        }
      }
      return inserted;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not store the deliveries", e);
    }
  }

  public Optional<Delivery> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT " + COLUMNS + " FROM webhooks.deliveries WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read delivery " + id, e);
    }
  }

  /** A subscription's pending deliveries that are due, in order, with their bodies. */
  List<Work> due(UUID subscription, int limit) {
    var sql =
        "SELECT "
            + COLUMNS
            + ", body FROM webhooks.deliveries WHERE subscription_id = ? AND status = 'pending'"
            + " AND next_attempt_at <= now() ORDER BY next_attempt_at, id LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, subscription);
      select.setInt(2, limit);
      var due = new ArrayList<Work>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          due.add(new Work(read(rs), rs.getString("body")));
        }
      }
      return due;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the due deliveries of " + subscription, e);
    }
  }

  /** When the subscription's next pending delivery is due, if it has one. */
  Optional<Instant> nextDue(UUID subscription) {
    var sql =
        "SELECT min(next_attempt_at) FROM webhooks.deliveries"
            + " WHERE subscription_id = ? AND status = 'pending'";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, subscription);
      try (var rs = select.executeQuery()) {
        rs.next();
        return Optional.ofNullable(Rows.instant(rs, "min"));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the next delivery of " + subscription, e);
    }
  }

  /**
   * The teams and subscriptions whose deliveries have been due longer than {@code overdue}: a run
   * should have taken them, so one is started again.
   */
  Map<UUID, UUID> overdue(Duration overdue, int limit) {
    var sql =
        "SELECT DISTINCT ON (d.subscription_id) d.subscription_id, d.team_id"
            + " FROM webhooks.deliveries d WHERE d.status = 'pending'"
            + " AND d.next_attempt_at < now() - ?::interval LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setString(1, overdue.toMillis() + " milliseconds");
      select.setInt(2, limit);
      var found = new HashMap<UUID, UUID>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not look for overdue deliveries", e);
    }
  }

  record Work(Delivery delivery, String body) {}

  /** The body a delivery sends, byte for byte as stored. */
  Optional<String> body(UUID id) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement("SELECT body FROM webhooks.deliveries WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the body of delivery " + id, e);
    }
  }

  public Optional<DeliveryDetail> detail(UUID id) {
    return find(id).map(d -> new DeliveryDetail(d, body(id).orElseThrow(), attempts(id)));
  }

  List<Attempt> attempts(UUID delivery) {
    var sql =
        "SELECT attempted_at, duration_ms, url, status_code, response_headers::text,"
            + " response_body, response_truncated, error FROM webhooks.delivery_attempts"
            + " WHERE delivery_id = ? ORDER BY attempted_at, id";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, delivery);
      var attempts = new ArrayList<Attempt>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          var headers = rs.getString(5);
          attempts.add(
              new Attempt(
                  Rows.instant(rs, "attempted_at"),
                  rs.getLong("duration_ms"),
                  rs.getString("url"),
                  rs.getObject("status_code", Integer.class),
                  headers == null ? null : json.readValue(headers, HEADERS),
                  rs.getString("response_body"),
                  rs.getBoolean("response_truncated"),
                  rs.getString("error")));
        }
      }
      return attempts;
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not read the attempts of delivery " + delivery, e);
    }
  }

  /**
   * Newest first: ids are UUIDv7, so the last id of a page is the cursor of the next. {@code limit
   * + 1} rows tell whether more follow.
   */
  public List<Delivery> list(UUID team, UUID subscription, String status, UUID before, int limit) {
    var where =
        new Conditions()
            .and("team_id = ?", team)
            .and("subscription_id = ?", subscription)
            .and("status = ?", status)
            .and("id < ?", before);
    var sql =
        "SELECT "
            + COLUMNS
            + " FROM webhooks.deliveries"
            + where.where()
            + " ORDER BY id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setInt(where.bind(select), limit + 1);
      var found = new ArrayList<Delivery>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list deliveries", e);
    }
  }

  /**
   * Records an attempt and what it made of the delivery: still {@code pending} (a retry follows),
   * or finished.
   */
  void record(UUID delivery, Attempt attempt, String status, Instant nextAttemptAt, UUID run) {
    var sql =
        """
        WITH attempt AS (
            INSERT INTO webhooks.delivery_attempts (id, delivery_id, attempted_at, duration_ms,
                url, status_code, response_headers, response_body, response_truncated, error)
            VALUES (?, ?, ?, ?, ?, ?, ?::jsonb, ?, ?, ?))
        UPDATE webhooks.deliveries SET attempts = attempts + 1,
            round_attempts = round_attempts + 1, last_status_code = ?, last_error = ?,
            status = ?, next_attempt_at = coalesce(?, next_attempt_at), run_id = ?,
            finished_at = CASE WHEN ? = 'pending' THEN NULL ELSE now() END
        WHERE id = ?
        """;
    try (var c = dataSource.getConnection();
        var write = c.prepareStatement(sql)) {
      write.setObject(1, Ids.next());
      write.setObject(2, delivery);
      write.setTimestamp(3, Timestamp.from(attempt.attemptedAt()));
      write.setInt(4, (int) Math.min(Integer.MAX_VALUE, attempt.durationMs()));
      write.setString(5, attempt.url());
      write.setObject(6, attempt.statusCode());
      write.setString(
          7,
          attempt.responseHeaders() == null
              ? null
              : json.writeValueAsString(attempt.responseHeaders()));
      write.setString(8, attempt.responseBody());
      write.setBoolean(9, attempt.responseTruncated());
      write.setString(10, attempt.error());
      write.setObject(11, attempt.statusCode());
      write.setString(12, attempt.succeeded() ? null : attempt.failure());
      write.setString(13, status);
      write.setTimestamp(14, nextAttemptAt == null ? null : Timestamp.from(nextAttemptAt));
      write.setObject(15, run);
      write.setString(16, status);
      write.setObject(17, delivery);
      write.executeUpdate();
    } catch (SQLException | JsonProcessingException e) {
      throw new IllegalStateException("Could not record an attempt of delivery " + delivery, e);
    }
  }

  /** A delivery the endpoint accepted, with the attempt that did it. */
  record Success(UUID delivery, boolean ping, Attempt attempt) {}

  /** Records many accepted attempts, and their deliveries as succeeded, in one statement. */
  void recordSucceeded(List<Success> successes, UUID run) {
    var rows = json.createArrayNode();
    for (var success : successes) {
      var attempt = success.attempt();
      rows.addObject()
          .put("id", Ids.next().toString())
          .put("delivery_id", success.delivery().toString())
          .put("attempted_at", attempt.attemptedAt().toString())
          .put("duration_ms", (int) Math.min(Integer.MAX_VALUE, attempt.durationMs()))
          .put("url", attempt.url())
          .put("status_code", attempt.statusCode())
          .put("response_body", attempt.responseBody())
          .put("response_truncated", attempt.responseTruncated())
          .set("response_headers", json.valueToTree(attempt.responseHeaders()));
    }
    var sql =
        """
        WITH accepted AS (
            SELECT * FROM jsonb_to_recordset(?::jsonb) AS r(id uuid, delivery_id uuid,
                attempted_at timestamptz, duration_ms int, url text, status_code int,
                response_headers jsonb, response_body text, response_truncated boolean)),
        attempt AS (
            INSERT INTO webhooks.delivery_attempts (id, delivery_id, attempted_at, duration_ms,
                url, status_code, response_headers, response_body, response_truncated)
            SELECT id, delivery_id, attempted_at, duration_ms, url, status_code,
                response_headers, response_body, response_truncated FROM accepted)
        UPDATE webhooks.deliveries d SET attempts = d.attempts + 1,
            round_attempts = d.round_attempts + 1, last_status_code = a.status_code,
            last_error = NULL, status = 'succeeded', run_id = ?, finished_at = now()
        FROM accepted a WHERE d.id = a.delivery_id
        """;
    try (var c = dataSource.getConnection();
        var write = c.prepareStatement(sql)) {
      write.setString(1, rows.toString());
      write.setObject(2, run);
      write.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not record " + successes.size() + " deliveries", e);
    }
  }

  /** Gives up on a pending delivery without trying it, saying why. */
  void abandon(UUID delivery, String reason) {
    var sql =
        "UPDATE webhooks.deliveries SET status = 'failed', last_error = ?, finished_at = now()"
            + " WHERE id = ? AND status = 'pending'";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setString(1, reason);
      update.setObject(2, delivery);
      update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not abandon delivery " + delivery, e);
    }
  }

  /** Makes a finished delivery pending again; false when it already is. */
  boolean reopen(UUID delivery) {
    var sql =
        "UPDATE webhooks.deliveries SET status = 'pending', finished_at = NULL,"
            + " round_attempts = 0, next_attempt_at = now() WHERE id = ? AND status <> 'pending'";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setObject(1, delivery);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not reopen delivery " + delivery, e);
    }
  }

  /** Makes a subscription's failed deliveries since {@code since} pending again, oldest first. */
  List<UUID> reopenFailed(UUID subscription, Instant since, int limit) {
    var sql =
        "UPDATE webhooks.deliveries SET status = 'pending', finished_at = NULL,"
            + " round_attempts = 0, next_attempt_at = now() WHERE id IN ("
            + "SELECT id FROM webhooks.deliveries WHERE subscription_id = ? AND status = 'failed'"
            + " AND created_at >= ? ORDER BY created_at, id LIMIT ? FOR UPDATE)"
            + " RETURNING id, created_at";
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      update.setObject(1, subscription);
      update.setTimestamp(2, Timestamp.from(since));
      update.setInt(3, limit);
      var reopened = new ArrayList<UUID>();
      try (var rs = update.executeQuery()) {
        while (rs.next()) {
          reopened.add(rs.getObject(1, UUID.class));
        }
      }
      return reopened;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not reopen the failed deliveries", e);
    }
  }

  /** Deletes up to {@code batch} deliveries finished before {@code before}; answers how many. */
  int prune(Instant before, int batch) {
    var sql =
        "DELETE FROM webhooks.deliveries WHERE id IN (SELECT id FROM webhooks.deliveries"
            + " WHERE finished_at < ? LIMIT ? FOR UPDATE SKIP LOCKED)";
    try (var c = dataSource.getConnection();
        var delete = c.prepareStatement(sql)) {
      delete.setTimestamp(1, Timestamp.from(before));
      delete.setInt(2, batch);
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not prune deliveries", e);
    }
  }

  private static Delivery read(ResultSet rs) throws SQLException {
    return new Delivery(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getObject("subscription_id", UUID.class),
        rs.getObject("event_id", UUID.class),
        rs.getString("event_name"),
        rs.getString("status"),
        rs.getInt("attempts"),
        rs.getInt("round_attempts"),
        Rows.instant(rs, "next_attempt_at"),
        rs.getObject("last_status_code", Integer.class),
        rs.getString("last_error"),
        rs.getObject("run_id", UUID.class),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "finished_at"));
  }
}
