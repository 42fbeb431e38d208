package dev.nightshift.inbox.item;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code inbox.items}. Every write joins the caller's transaction. */
@ApplicationScoped
public class ItemStore {

  private static final String COLUMNS =
      "id, team_id, reference_id, source, blob_key, file_name, content_type, size, sender,"
          + " subject, status, failure_reason, process_run_id, kind, amount, currency,"
          + " invoice_date, due_date, invoice_number, vendor, tax_amount, fields, match_status,"
          + " transaction_id, matched_at, created_at, updated_at";

  private final DataSource dataSource;
  private final ObjectMapper json;

  ItemStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Inserts the item unless the team already has one with its reference id.
   *
   * @return the new item, or empty when it was received before
   */
  public Optional<InboxItem> insertIfNew(NewItem item) {
    var sql =
        "INSERT INTO inbox.items (id, team_id, reference_id, source, blob_key, file_name,"
            + " content_type, size, sender, subject) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " ON CONFLICT (team_id, reference_id) DO NOTHING RETURNING "
            + COLUMNS;
    try (var c = dataSource.getConnection();
        var insert = c.prepareStatement(sql)) {
      insert.setObject(1, Ids.next());
      insert.setObject(2, item.teamId());
      insert.setString(3, item.referenceId());
      insert.setString(4, item.source().name());
      insert.setString(5, item.blobKey());
      insert.setString(6, item.fileName());
      insert.setString(7, item.contentType());
      insert.setLong(8, item.size());
      insert.setString(9, item.sender());
      insert.setString(10, item.subject());
      try (var rs = insert.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store the inbox item", e);
    }
  }

  public Optional<InboxItem> find(UUID id) {
    return one("SELECT " + COLUMNS + " FROM inbox.items WHERE id = ?", id);
  }

  public Optional<InboxItem> findByReference(UUID team, String referenceId) {
    return one(
        "SELECT " + COLUMNS + " FROM inbox.items WHERE team_id = ? AND reference_id = ?",
        team,
        referenceId);
  }

  /** A team's items, newest first, optionally of one status and one match status. */
  public List<InboxItem> list(
      UUID team, ItemStatus status, String matchStatus, ItemCursor after, int limit) {
    var sql = new StringBuilder("SELECT " + COLUMNS + " FROM inbox.items WHERE team_id = ?");
    var args = new ArrayList<Object>(List.of(team));
    if (status != null) {
      sql.append(" AND status = ?");
      args.add(status.name());
    }
    if (matchStatus != null) {
      sql.append(" AND match_status = ?");
      args.add(matchStatus);
    }
    if (after != null) {
      sql.append(" AND (created_at, id) < (?, ?)");
      args.add(Timestamp.from(after.createdAt()));
      args.add(after.id());
    }
    sql.append(" ORDER BY created_at DESC, id DESC LIMIT ?");
    args.add(limit);
    return many(sql.toString(), args.toArray());
  }

  public void recordRun(UUID id, UUID runId) {
    update("UPDATE inbox.items SET process_run_id = ?, updated_at = now() WHERE id = ?", runId, id);
  }

  /** Marks the item as being extracted; an item processed already is left as it is. */
  public boolean startProcessing(UUID id) {
    return update(
            "UPDATE inbox.items SET status = 'PROCESSING', failure_reason = NULL, updated_at ="
                + " now() WHERE id = ? AND status <> 'PROCESSED'",
            id)
        == 1;
  }

  public void saveExtraction(UUID id, ExtractedFields fields) {
    update(
        "UPDATE inbox.items SET status = 'PROCESSED', failure_reason = NULL, kind = ?, amount ="
            + " ?, currency = ?, invoice_date = ?, due_date = ?, invoice_number = ?, vendor = ?,"
            + " tax_amount = ?, fields = ?::jsonb, updated_at = now() WHERE id = ?",
        fields.kind(),
        fields.amount(),
        fields.currency(),
        fields.invoiceDate(),
        fields.dueDate(),
        fields.invoiceNumber(),
        fields.vendor(),
        fields.taxAmount(),
        fields.json(),
        id);
  }

  public void fail(UUID id, String reason) {
    update(
        "UPDATE inbox.items SET status = 'FAILED', failure_reason = ?, updated_at = now()"
            + " WHERE id = ?",
        reason,
        id);
  }

  private Optional<InboxItem> one(String sql, Object... args) {
    var rows = many(sql, args);
    return rows.isEmpty() ? Optional.empty() : Optional.of(rows.getFirst());
  }

  private List<InboxItem> many(String sql, Object... args) {
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      bind(select, args);
      try (var rs = select.executeQuery()) {
        var items = new ArrayList<InboxItem>();
        while (rs.next()) {
          items.add(read(rs));
        }
        return items;
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read inbox items", e);
    }
  }

  private int update(String sql, Object... args) {
    try (var c = dataSource.getConnection();
        var update = c.prepareStatement(sql)) {
      bind(update, args);
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not update an inbox item", e);
    }
  }

  private static void bind(java.sql.PreparedStatement statement, Object... args)
      throws SQLException {
    for (int i = 0; i < args.length; i++) {
      statement.setObject(i + 1, args[i]);
    }
  }

  private InboxItem read(ResultSet rs) throws SQLException {
    try {
      return new InboxItem(
          rs.getObject("id", UUID.class),
          rs.getObject("team_id", UUID.class),
          rs.getString("reference_id"),
          Source.valueOf(rs.getString("source")),
          rs.getString("blob_key"),
          rs.getString("file_name"),
          rs.getString("content_type"),
          rs.getLong("size"),
          rs.getString("sender"),
          rs.getString("subject"),
          ItemStatus.valueOf(rs.getString("status")),
          rs.getString("failure_reason"),
          rs.getObject("process_run_id", UUID.class),
          rs.getString("kind"),
          rs.getObject("amount", BigDecimal.class),
          rs.getString("currency"),
          rs.getObject("invoice_date", LocalDate.class),
          rs.getObject("due_date", LocalDate.class),
          rs.getString("invoice_number"),
          rs.getString("vendor"),
          rs.getObject("tax_amount", BigDecimal.class),
          json.readTree(rs.getString("fields")),
          rs.getString("match_status"),
          rs.getObject("transaction_id", UUID.class),
          Rows.instant(rs, "matched_at"),
          Rows.instant(rs, "created_at"),
          Rows.instant(rs, "updated_at"));
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new SQLException("inbox.items.fields is not JSON", e);
    }
  }
}
