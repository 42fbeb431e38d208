package dev.nightshift.transactions.transaction;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.platform.database.Conditions;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.database.Rows;
import dev.nightshift.transactions.provider.ProviderTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/** {@code transactions.transactions}: upserts by the provider's id, lists newest first. */
@ApplicationScoped
public class TransactionStore {

  private static final String COLUMNS =
      "id, team_id, account_id, internal_id, date, amount, currency, name, description, merchant,"
          + " counterparty, category, method, status, balance, created_at, updated_at, note,"
          + " exported_at";

  // One statement for a whole page. A row whose provider data did not change is not rewritten;
  // one that did (pending to posted, a corrected amount) is. xmax = 0 tells inserted rows apart.
  private static final String UPSERT =
      """
      INSERT INTO transactions.transactions AS t (id, team_id, account_id, internal_id, date,
          amount, currency, name, description, merchant, counterparty, category, method, status,
          balance)
      SELECT i.id, ?, ?, i.internal_id, i.date, i.amount, i.currency, i.name, i.description,
             i.merchant, i.counterparty, i.category, i.method, i.status, i.balance
      FROM jsonb_to_recordset(?::jsonb) AS i(id uuid, internal_id text, date date,
          amount numeric, currency text, name text, description text, merchant text,
          counterparty text, category text, method text, status text, balance numeric)
      ON CONFLICT (team_id, internal_id) DO UPDATE SET date = EXCLUDED.date,
          amount = EXCLUDED.amount, currency = EXCLUDED.currency, name = EXCLUDED.name,
          description = EXCLUDED.description, merchant = EXCLUDED.merchant,
          counterparty = EXCLUDED.counterparty, category = EXCLUDED.category,
          method = EXCLUDED.method, status = EXCLUDED.status, balance = EXCLUDED.balance,
          updated_at = now()
      WHERE (t.date, t.amount, t.currency, t.name, t.description, t.merchant, t.counterparty,
             t.category, t.method, t.status, t.balance)
          IS DISTINCT FROM (EXCLUDED.date, EXCLUDED.amount, EXCLUDED.currency, EXCLUDED.name,
             EXCLUDED.description, EXCLUDED.merchant, EXCLUDED.counterparty, EXCLUDED.category,
             EXCLUDED.method, EXCLUDED.status, EXCLUDED.balance)
      RETURNING t.id, t.xmax = 0 AS inserted
      """;

  private final DataSource dataSource;
  private final ObjectMapper json;

  TransactionStore(DataSource dataSource, ObjectMapper json) {
    this.dataSource = dataSource;
    this.json = json;
  }

  /**
   * Inserts new transactions of an account and applies changes to known ones.
   *
   * @param provider prefixes the provider's ids into internal ids
   */
  public UpsertResult upsert(
      UUID team, UUID account, String provider, List<ProviderTransaction> transactions) {
    if (transactions.isEmpty()) {
      return new UpsertResult(List.of(), 0);
    }
    var items = json.createArrayNode();
    for (var t : transactions) {
      items
          .addObject()
          .put("id", Ids.next().toString())
          .put("internal_id", provider + ":" + t.id())
          .put("date", t.date().toString())
          .put("amount", t.amount())
          .put("currency", t.currency())
          .put("name", t.name())
          .put("description", t.description())
          .put("merchant", t.merchant())
          .put("counterparty", t.counterparty())
          .put("category", t.category())
          .put("method", t.method().name())
          .put("status", t.status().name())
          .put("balance", t.balance());
    }
    try (var c = dataSource.getConnection();
        var upsert = c.prepareStatement(UPSERT)) {
      upsert.setObject(1, team);
      upsert.setObject(2, account);
      upsert.setString(3, items.toString());
      var created = new ArrayList<UUID>();
      int updated = 0;
      try (var rs = upsert.executeQuery()) {
        while (rs.next()) {
          if (rs.getBoolean(2)) {
            created.add(rs.getObject(1, UUID.class));
          } else {
            updated++;
          }
        }
      }
      return new UpsertResult(created, updated);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not store transactions", e);
    }
  }

  /**
   * Deletes transactions the provider withdrew (a pending one that never posted, a reversal);
   * returns how many.
   */
  public int deleteByProviderIds(UUID team, String provider, List<String> providerIds) {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM transactions.transactions WHERE team_id = ?"
                    + " AND internal_id = ANY (?)")) {
      delete.setObject(1, team);
      delete.setArray(
          2,
          c.createArrayOf("text", providerIds.stream().map(id -> provider + ":" + id).toArray()));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete withdrawn transactions", e);
    }
  }

  /**
   * Deletes an account's pending transactions booked on or after {@code since} that a full read of
   * that window no longer listed ({@code seen}: the provider ids it did list); returns how many.
   */
  public int deleteWithdrawnPending(
      UUID account, String provider, LocalDate since, List<String> seen) {
    try (var c = dataSource.getConnection();
        var delete =
            c.prepareStatement(
                "DELETE FROM transactions.transactions WHERE account_id = ? AND status = 'PENDING'"
                    + " AND date >= ? AND NOT (internal_id = ANY (?))")) {
      delete.setObject(1, account);
      delete.setObject(2, since);
      delete.setArray(
          3, c.createArrayOf("text", seen.stream().map(id -> provider + ":" + id).toArray()));
      return delete.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not delete withdrawn pending transactions", e);
    }
  }

  /** What one upsert did: the ids it created, and how many known rows changed. */
  public record UpsertResult(List<UUID> created, int updated) {}

  /** A page of a team's transactions, newest first. */
  public List<Transaction> list(TransactionFilter filter) {
    var where =
        new Conditions()
            .and("team_id = ?", filter.teamId())
            .and("account_id = ?", filter.accountId())
            .and("date >= ?", filter.from() == null ? null : Date.valueOf(filter.from()))
            .and("date <= ?", filter.to() == null ? null : Date.valueOf(filter.to()))
            .and("status = ?", filter.status())
            .and("(exported_at IS NOT NULL) = ?", filter.exported())
            .and(
                "(name || ' ' || coalesce(description, '') || ' ' || coalesce(merchant, '') || ' '"
                    + " || coalesce(counterparty, '')) ILIKE ?",
                filter.text() == null ? null : "%" + escapeLike(filter.text()) + "%")
            // Last, because its second parameter, the id, is bound after the others.
            .and(
                "(date, id) < (?::date, ?::uuid)",
                filter.after() == null ? null : filter.after().date().toString());
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM transactions.transactions"
            + where.where()
            + " ORDER BY date DESC, id DESC LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      int next = where.bind(select);
      if (filter.after() != null) {
        select.setObject(next++, filter.after().id());
      }
      select.setInt(next, filter.limit());
      var page = new ArrayList<Transaction>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          page.add(read(rs));
        }
      }
      return page;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not list transactions", e);
    }
  }

  public Optional<Transaction> find(UUID id) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT " + COLUMNS + " FROM transactions.transactions WHERE id = ?")) {
      select.setObject(1, id);
      try (var rs = select.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read transaction " + id, e);
    }
  }

  /**
   * Sets the transaction's note (null clears it) and answers the transaction, or empty when it no
   * longer exists (a sync deleted it since it was read).
   */
  public Optional<Transaction> setNote(UUID id, String note) {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE transactions.transactions SET note = ? WHERE id = ? RETURNING "
                    + COLUMNS)) {
      update.setString(1, note);
      update.setObject(2, id);
      try (var rs = update.executeQuery()) {
        return rs.next() ? Optional.of(read(rs)) : Optional.empty();
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not set the note of transaction " + id, e);
    }
  }

  private static String escapeLike(String text) {
    return text.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
  }

  private static Transaction read(ResultSet rs) throws SQLException {
    return new Transaction(
        rs.getObject("id", UUID.class),
        rs.getObject("team_id", UUID.class),
        rs.getObject("account_id", UUID.class),
        rs.getString("internal_id"),
        rs.getObject("date", LocalDate.class),
        rs.getBigDecimal("amount"),
        rs.getString("currency"),
        rs.getString("name"),
        rs.getString("description"),
        rs.getString("merchant"),
        rs.getString("counterparty"),
        rs.getString("category"),
        rs.getString("method"),
        rs.getString("status"),
        rs.getBigDecimal("balance"),
        Rows.instant(rs, "created_at"),
        Rows.instant(rs, "updated_at"),
        rs.getString("note"),
        Rows.instant(rs, "exported_at"));
  }
}
