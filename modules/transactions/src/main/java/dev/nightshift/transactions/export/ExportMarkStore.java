package dev.nightshift.transactions.export;

import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Sets {@code exported_at} on the transactions of an export's selection, a chunk per statement in
 * the order exports read them (newest first), so that marking a million rows never holds one long
 * transaction or the rows' locks for long.
 *
 * <p>The selection's {@code notExported} is not applied: it held when the export read the rows and
 * would still hold for the rows of this selection that no export had marked. {@code createdBefore}
 * is what the caller passes, so rows a sync stored after the export cannot be marked.
 */
@ApplicationScoped
public class ExportMarkStore {

  private final DataSource dataSource;

  ExportMarkStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** What one chunk did: the rows it visited, how many it marked, and the last one. */
  public record Chunk(int rows, int marked, TransactionPosition last) {}

  /** How many transactions the selection holds, exported or not. */
  public long count(UUID team, TransactionSelection selection, Instant createdBefore) {
    try (var c = dataSource.getConnection()) {
      var where = SelectionSql.of(c, team, selection, createdBefore, false);
      try (var select =
          c.prepareStatement("SELECT count(*) FROM transactions.transactions t" + where.where())) {
        where.bind(select);
        try (var rs = select.executeQuery()) {
          rs.next();
          return rs.getLong(1);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not count an export's transactions", e);
    }
  }

  /**
   * Marks the next {@code limit} transactions of the selection after {@code after} (null: from the
   * newest) as exported at {@code exportedAt}, in one statement. A row an earlier export marked
   * keeps its time and is not written again, so marking twice changes nothing.
   */
  public Chunk mark(
      UUID team,
      TransactionSelection selection,
      Instant createdBefore,
      Instant exportedAt,
      TransactionPosition after,
      int limit) {
    try (var c = dataSource.getConnection()) {
      var where = SelectionSql.of(c, team, selection, createdBefore, false);
      String sql =
          "WITH chunk AS (SELECT t.id, t.date FROM transactions.transactions t"
              + where.where()
              + (after == null ? "" : " AND (t.date, t.id) < (?, ?)")
              + " ORDER BY t.date DESC, t.id DESC LIMIT ?),"
              + " marked AS (UPDATE transactions.transactions u SET exported_at = ? FROM chunk"
              + " WHERE u.id = chunk.id AND u.exported_at IS NULL RETURNING 1)"
              + " SELECT (SELECT count(*) FROM chunk), (SELECT count(*) FROM marked),"
              + " last.date, last.id FROM (SELECT 1) one LEFT JOIN"
              + " (SELECT date, id FROM chunk ORDER BY date, id LIMIT 1) last ON true";
      try (var update = c.prepareStatement(sql)) {
        int next = where.bind(update);
        if (after != null) {
          update.setObject(next++, after.date());
          update.setObject(next++, after.id());
        }
        update.setInt(next++, limit);
        update.setObject(next, OffsetDateTime.ofInstant(exportedAt, ZoneOffset.UTC));
        try (var rs = update.executeQuery()) {
          rs.next();
          var lastId = rs.getObject(4, UUID.class);
          return new Chunk(
              rs.getInt(1),
              rs.getInt(2),
              lastId == null
                  ? null
                  : new TransactionPosition(rs.getObject(3, LocalDate.class), lastId));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not mark transactions exported", e);
    }
  }
}
