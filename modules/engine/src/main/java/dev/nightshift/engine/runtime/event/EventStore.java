package dev.nightshift.engine.runtime.event;

import static dev.nightshift.platform.database.Rows.instant;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Event;
import dev.nightshift.platform.database.Conditions;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** The outbox's SQL: publishing, the relay's claims and outcomes, reads and pruning. */
@ApplicationScoped
public class EventStore {

  /** An event the relay claimed, with the number of hand-overs including this one. */
  public record Claimed(Event event, int attempts) {}

  /** How one hand-over ended: acked, or nacked with an error and a delay before the next one. */
  public record Outcome(UUID id, String error, Duration retryAfter) {
    boolean acked() {
      return error == null;
    }
  }

  private static final String VIEW_COLUMNS =
      "id, name, team_id, payload, source, created_at, delivered_at, attempts, next_attempt_at,"
          + " last_error";

  private final DataSource dataSource;
  private final ObjectMapper json;

  EventStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Writes events through {@code engine.publish_events}, the one way into the outbox. Joins the
   * caller's transaction.
   */
  public void publish(String events) {
    try (var c = dataSource.getConnection();
        var call = c.prepareStatement("SELECT engine.publish_events(?::jsonb)")) {
      call.setString(1, events);
      call.execute();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not publish events", e);
    }
  }

  /**
   * Claims up to {@code limit} committed, undelivered events that are due, and makes them due again
   * after {@code ackTimeout} in case no outcome is ever written. SKIP LOCKED lets every node's
   * relay claim at once without taking each other's events.
   */
  public List<Claimed> claim(int limit, Duration ackTimeout) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                """
                UPDATE engine.events e
                SET attempts = e.attempts + 1,
                    next_attempt_at = now() + ? * interval '1 millisecond'
                WHERE e.id IN (SELECT id FROM engine.events
                               WHERE delivered_at IS NULL AND next_attempt_at <= now()
                               ORDER BY next_attempt_at, id LIMIT ? FOR UPDATE SKIP LOCKED)
                RETURNING e.id, e.name, e.team_id, e.payload::text, e.created_at, e.attempts
                """)) {
      update.setLong(1, ackTimeout.toMillis());
      update.setInt(2, limit);
      var claimed = new ArrayList<Claimed>();
      try (var rs = update.executeQuery()) {
        while (rs.next()) {
          var event =
              new Event(
                  rs.getObject("id", UUID.class),
                  rs.getString("name"),
                  rs.getObject("team_id", UUID.class),
                  tree(rs.getString("payload")),
                  instant(rs, "created_at"));
          claimed.add(new Claimed(event, rs.getInt("attempts")));
        }
      }
      return claimed;
    }
  }

  /**
   * Writes outcomes in one statement: an ack marks the event delivered, a nack makes it due after
   * its delay. An event already delivered (a late nack of an earlier hand-over) stays delivered.
   */
  public void settle(List<Outcome> outcomes) throws SQLException {
    int n = outcomes.size();
    var ids = new UUID[n];
    var errors = new String[n];
    var delays = new Long[n];
    for (int i = 0; i < n; i++) {
      var outcome = outcomes.get(i);
      ids[i] = outcome.id();
      errors[i] = outcome.error();
      delays[i] = outcome.acked() ? null : outcome.retryAfter().toMillis();
    }
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                """
                UPDATE engine.events e
                SET delivered_at = CASE WHEN o.error IS NULL THEN now() END,
                    next_attempt_at = CASE WHEN o.error IS NULL THEN e.next_attempt_at
                                           ELSE now() + o.delay * interval '1 millisecond' END,
                    last_error = coalesce(o.error, e.last_error)
                FROM unnest(?::uuid[], ?::text[], ?::bigint[]) AS o(id, error, delay)
                WHERE e.id = o.id AND e.delivered_at IS NULL
                """)) {
      update.setArray(1, c.createArrayOf("uuid", ids));
      update.setArray(2, c.createArrayOf("text", errors));
      update.setArray(3, c.createArrayOf("int8", delays));
      update.executeUpdate();
    }
  }

  public Optional<EventView> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT " + VIEW_COLUMNS + " FROM engine.events WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(view(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read event " + id, e);
    }
  }

  /**
   * Lists events newest first, optionally of one team and one name, before the id {@code before}
   * (the cursor: ids are UUIDv7, ordered by time).
   */
  public List<EventView> list(UUID teamId, String name, UUID before, int limit) {
    var where =
        new Conditions().and("team_id = ?", teamId).and("name = ?", name).and("id < ?", before);
    String sql =
        "SELECT "
            + VIEW_COLUMNS
            + " FROM engine.events"
            + where.where()
            + " ORDER BY id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setInt(where.bind(select), limit);
      var events = new ArrayList<EventView>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          events.add(view(rs));
        }
      }
      return events;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list events", e);
    }
  }

  /** Deletes up to {@code batch} events delivered longer than {@code retention} ago. */
  public int pruneDelivered(Duration retention, int batch) throws SQLException {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                """
                DELETE FROM engine.events WHERE id IN (
                    SELECT id FROM engine.events
                    WHERE delivered_at < now() - ? * interval '1 millisecond'
                    LIMIT ? FOR UPDATE SKIP LOCKED)
                """)) {
      delete.setLong(1, retention.toMillis());
      delete.setInt(2, batch);
      return delete.executeUpdate();
    }
  }

  private EventView view(ResultSet rs) throws SQLException {
    return new EventView(
        rs.getObject("id", UUID.class),
        rs.getString("name"),
        rs.getObject("team_id", UUID.class),
        tree(rs.getString("payload")),
        rs.getString("source"),
        instant(rs, "created_at"),
        instant(rs, "delivered_at"),
        rs.getInt("attempts"),
        instant(rs, "next_attempt_at"),
        rs.getString("last_error"));
  }

  private JsonNode tree(String value) {
    try {
      return json.readTree(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
