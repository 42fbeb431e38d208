package dev.nightshift.inbox.matching.store;

import dev.nightshift.inbox.matching.score.Score;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code inbox.suggestions}: one row per inbox item and transaction matching proposed. */
@ApplicationScoped
public class SuggestionStore {

  private static final String COLUMNS =
      "inbox_id, transaction_id, team_id, score, amount_score, date_score, currency_score,"
          + " vendor_score, explanation, status, how, created_at, updated_at";

  // A pair a person decided on keeps its status: only PENDING rows take new scores.
  private static final String SAVE =
      """
      INSERT INTO inbox.suggestions AS s (inbox_id, transaction_id, team_id, score, amount_score,
          date_score, currency_score, vendor_score, explanation, status, how)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
      ON CONFLICT (inbox_id, transaction_id) DO UPDATE SET score = EXCLUDED.score,
          amount_score = EXCLUDED.amount_score, date_score = EXCLUDED.date_score,
          currency_score = EXCLUDED.currency_score, vendor_score = EXCLUDED.vendor_score,
          explanation = EXCLUDED.explanation, status = EXCLUDED.status, how = EXCLUDED.how,
          updated_at = now()
      WHERE s.status = 'PENDING' OR EXCLUDED.status <> 'PENDING'
      """;

  private final DataSource dataSource;

  SuggestionStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** The item's suggestions, best first. */
  public List<Suggestion> forItem(UUID inboxId) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT "
                    + COLUMNS
                    + " FROM inbox.suggestions WHERE inbox_id = ?"
                    + " ORDER BY score DESC, transaction_id")) {
      select.setObject(1, inboxId);
      var found = new ArrayList<Suggestion>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(read(rs));
        }
      }
      return found;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read suggestions of " + inboxId, e);
    }
  }

  public Optional<Suggestion> find(UUID inboxId, UUID transactionId) {
    return forItem(inboxId).stream()
        .filter(s -> s.transactionId().equals(transactionId))
        .findFirst();
  }

  /**
   * Stores these as PENDING suggestions of the item, rescoring pending ones; pairs already decided
   * are left as they are.
   */
  public void savePending(UUID team, UUID inboxId, Map<UUID, Score> scored) {
    if (scored.isEmpty()) {
      return;
    }
    try (var c = dataSource.getConnection();
        var save = c.prepareStatement(SAVE)) {
      for (var entry : scored.entrySet()) {
        bind(
            save,
            team,
            inboxId,
            entry.getKey(),
            entry.getValue(),
            Suggestion.PENDING,
            Suggestion.AUTO);
        save.addBatch();
      }
      save.executeBatch();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store suggestions of " + inboxId, e);
    }
  }

  /** Stores the pair as CONFIRMED, with these scores, whatever it was. */
  public void saveConfirmed(UUID team, UUID inboxId, UUID transactionId, Score score, String how) {
    try (var c = dataSource.getConnection();
        var save = c.prepareStatement(SAVE)) {
      bind(save, team, inboxId, transactionId, score, Suggestion.CONFIRMED, how);
      save.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not confirm a suggestion of " + inboxId, e);
    }
  }

  /** Sets a pair's status and who decided; false when there is no such pair. */
  public boolean decide(UUID inboxId, UUID transactionId, String status, String how) {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE inbox.suggestions SET status = ?, how = ?, updated_at = now()"
                    + " WHERE inbox_id = ? AND transaction_id = ?")) {
      update.setString(1, status);
      update.setString(2, how);
      update.setObject(3, inboxId);
      update.setObject(4, transactionId);
      return update.executeUpdate() == 1;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update a suggestion of " + inboxId, e);
    }
  }

  /** Deletes the item's PENDING suggestions but those of {@code keep}. */
  public void deletePendingExcept(UUID inboxId, Collection<UUID> keep) {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM inbox.suggestions WHERE inbox_id = ? AND status = 'PENDING'"
                    + " AND NOT (transaction_id = ANY (?))")) {
      delete.setObject(1, inboxId);
      delete.setArray(2, c.createArrayOf("uuid", keep.toArray()));
      delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete suggestions of " + inboxId, e);
    }
  }

  private static void bind(
      java.sql.PreparedStatement save,
      UUID team,
      UUID inboxId,
      UUID transactionId,
      Score score,
      String status,
      String how)
      throws SQLException {
    save.setObject(1, inboxId);
    save.setObject(2, transactionId);
    save.setObject(3, team);
    save.setBigDecimal(4, decimal(score.total()));
    save.setBigDecimal(5, decimal(score.amount()));
    save.setBigDecimal(6, decimal(score.date()));
    save.setBigDecimal(7, decimal(score.currency()));
    save.setBigDecimal(8, decimal(score.vendor()));
    save.setString(9, score.explanation());
    save.setString(10, status);
    save.setString(11, how);
  }

  private static BigDecimal decimal(double value) {
    return BigDecimal.valueOf(value).setScale(3, RoundingMode.HALF_UP);
  }

  private static Suggestion read(ResultSet rs) throws SQLException {
    return new Suggestion(
        rs.getObject("inbox_id", UUID.class),
        rs.getObject("transaction_id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getBigDecimal("score"),
        rs.getBigDecimal("amount_score"),
        rs.getBigDecimal("date_score"),
        rs.getBigDecimal("currency_score"),
        rs.getBigDecimal("vendor_score"),
        rs.getString("explanation"),
        rs.getString("status"),
        rs.getString("how"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"));
  }
}
