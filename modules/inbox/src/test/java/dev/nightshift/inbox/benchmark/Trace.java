package dev.nightshift.inbox.benchmark;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * What became of one document, read back from the database once the pipeline is done: the item as
 * processing and matching left it, and the times of its process-document and match-inbox runs (null
 * without a match-inbox run), all by the database's clock.
 */
record Trace(
    String reference,
    String status,
    String matchStatus,
    UUID transactionId,
    List<UUID> pendingSuggestions,
    BigDecimal amount,
    String currency,
    LocalDate invoiceDate,
    Instant created,
    Run process,
    Run match) {

  /** A run's times: created (triggered), started (claimed, its last attempt), finished. */
  record Run(Instant created, Instant started, Instant finished, int attempt, String status) {

    Duration queued() {
      return Duration.between(created, started);
    }

    Duration took() {
      return Duration.between(started, finished);
    }
  }

  /** When the pipeline was done with the document: its match-inbox run ended, else its process. */
  Instant done() {
    return match != null ? match.finished() : process.finished();
  }

  Duration endToEnd() {
    return Duration.between(created, done());
  }

  static List<Trace> read(DataSource dataSource, UUID team) throws SQLException {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT i.reference_id, i.status, i.match_status, i.transaction_id,"
                    + " ARRAY(SELECT s.transaction_id FROM inbox.suggestions s"
                    + " WHERE s.inbox_id = i.id AND s.status = 'PENDING'"
                    + " ORDER BY s.score DESC, s.transaction_id),"
                    + " i.amount, i.currency, i.invoice_date, i.created_at,"
                    + " p.created_at, p.started_at, p.finished_at, p.attempt, p.status,"
                    + " m.created_at, m.started_at, m.finished_at, m.attempt, m.status"
                    + " FROM inbox.items i"
                    + " JOIN engine.runs p ON p.id = i.process_run_id"
                    + " LEFT JOIN engine.runs m ON m.task_id = 'match-inbox'"
                    + " AND m.team_id = i.team_id AND m.idempotency_key = 'match-inbox:' || i.id"
                    + " WHERE i.team_id = ?")) {
      select.setObject(1, team);
      var traces = new ArrayList<Trace>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          var pending = (UUID[]) rs.getArray(5).getArray();
          var match =
              rs.getTimestamp(15) == null
                  ? null
                  : new Run(
                      instant(rs.getTimestamp(15)),
                      instant(rs.getTimestamp(16)),
                      instant(rs.getTimestamp(17)),
                      rs.getInt(18),
                      rs.getString(19));
          traces.add(
              new Trace(
                  rs.getString(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getObject(4, UUID.class),
                  Arrays.asList(pending),
                  rs.getBigDecimal(6),
                  rs.getString(7),
                  rs.getObject(8, LocalDate.class),
                  instant(rs.getTimestamp(9)),
                  new Run(
                      instant(rs.getTimestamp(10)),
                      instant(rs.getTimestamp(11)),
                      instant(rs.getTimestamp(12)),
                      rs.getInt(13),
                      rs.getString(14)),
                  match));
        }
      }
      return traces;
    }
  }

  private static Instant instant(Timestamp timestamp) {
    return timestamp == null ? null : timestamp.toInstant();
  }
}
