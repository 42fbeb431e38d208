package dev.nightshift.inbox.matching.store;

import dev.nightshift.inbox.extraction.DocumentKind;
import dev.nightshift.inbox.matching.score.MatchDocument;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The match columns of {@code inbox.items} ({@code match_status}, {@code transaction_id}, {@code
 * matched_at}); the rest of an item belongs to intake and processing, and is only read here.
 */
@ApplicationScoped
public class MatchItemStore {

  private static final String COLUMNS =
      "id, team_id, status, kind, amount, currency, invoice_date, due_date, invoice_number,"
          + " vendor, match_status, transaction_id";

  private final DataSource dataSource;

  MatchItemStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  public Optional<MatchItem> find(UUID id) {
    return read(id, "");
  }

  /**
   * Reads the item and locks its row until the caller's transaction ends, so that matching runs and
   * reviews of one item take turns: whoever comes second sees what the first decided.
   */
  public Optional<MatchItem> lock(UUID id) {
    return read(id, " FOR UPDATE");
  }

  /**
   * A page of the team's processed items that wait for a transaction, newest first, after the given
   * item (null for the first page).
   */
  public List<UUID> waiting(UUID team, UUID after, int limit) {
    String sql =
        "SELECT id FROM inbox.items WHERE team_id = ? AND status = 'PROCESSED'"
            + " AND match_status IN ('UNMATCHED', 'SUGGESTED')"
            + (after == null
                ? ""
                : " AND (created_at, id) < (SELECT created_at, id FROM inbox.items WHERE id = ?)")
            + " ORDER BY created_at DESC, id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      int i = 1;
      select.setObject(i++, team);
      if (after != null) {
        select.setObject(i++, after);
      }
      select.setInt(i, limit);
      var ids = new ArrayList<UUID>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list waiting inbox items", e);
    }
  }

  /** Which of these transactions are linked to an item of the team already, and to which. */
  public Map<UUID, UUID> linkedItems(UUID team, Collection<UUID> transactions) {
    if (transactions.isEmpty()) {
      return Map.of();
    }
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT transaction_id, id FROM inbox.items WHERE team_id = ? AND match_status ="
                    + " 'MATCHED' AND transaction_id = ANY (?)")) {
      select.setObject(1, team);
      select.setArray(2, c.createArrayOf("uuid", transactions.toArray()));
      try (var rs = select.executeQuery()) {
        var linked = new HashMap<UUID, UUID>();
        while (rs.next()) {
          linked.put(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class));
        }
        return linked;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read linked transactions", e);
    }
  }

  public void link(UUID id, UUID transaction) {
    update(
        "UPDATE inbox.items SET match_status = 'MATCHED', transaction_id = ?, matched_at = now(),"
            + " updated_at = now() WHERE id = ?",
        transaction,
        id);
  }

  /** Sets UNMATCHED or SUGGESTED, and forgets any linked transaction. */
  public void waitFor(UUID id, String matchStatus) {
    update(
        "UPDATE inbox.items SET match_status = ?, transaction_id = NULL, matched_at = NULL,"
            + " updated_at = now() WHERE id = ? AND match_status IS DISTINCT FROM ?",
        matchStatus,
        id,
        matchStatus);
  }

  /**
   * Gives up on at most {@code limit} processed items, of any team, created before {@code before}
   * and still waiting: they become NO_MATCH. Rows another node is ageing are skipped. Returns how
   * many.
   */
  public int giveUp(Instant before, int limit) {
    return update(
        "UPDATE inbox.items SET match_status = 'NO_MATCH', updated_at = now() WHERE id IN ("
            + "SELECT id FROM inbox.items WHERE status = 'PROCESSED'"
            + " AND match_status IN ('UNMATCHED', 'SUGGESTED') AND created_at < ?"
            + " LIMIT ? FOR UPDATE SKIP LOCKED)",
        java.sql.Timestamp.from(before),
        limit);
  }

  private Optional<MatchItem> read(UUID id, String lock) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT " + COLUMNS + " FROM inbox.items WHERE id = ?" + lock)) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        var kind = rs.getString("kind");
        var document =
            new MatchDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("team_id", UUID.class),
                kind == null ? null : DocumentKind.valueOf(kind),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getObject("invoice_date", LocalDate.class),
                rs.getObject("due_date", LocalDate.class),
                rs.getString("invoice_number"),
                rs.getString("vendor"));
        return Optional.of(
            new MatchItem(
                document,
                rs.getString("status"),
                rs.getString("match_status"),
                rs.getObject("transaction_id", UUID.class)));
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read inbox item " + id, e);
    }
  }

  private int update(String sql, Object... parameters) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      for (int i = 0; i < parameters.length; i++) {
        update.setObject(i + 1, parameters[i]);
      }
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update inbox items", e);
    }
  }
}
