package dev.nightshift.transactions.export;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The transactions module's side of {@link TransactionExports}: plain SQL over {@code
 * transactions.transactions}, each page one range scan of the index {@code transactions_team_date}
 * that stops at the page's limit, whatever the team's size.
 *
 * <p>An export of a million rows calls {@link #page} a few hundred times, so every page of one
 * export runs the same statement text: the first page is "before" a position past every row rather
 * than a statement without the position. pgjdbc prepares a statement on the server after a few
 * executions on one connection, and PostgreSQL then keeps its plan: one text serves the whole
 * export, and its plan, custom or generic, is the same range scan.
 */
@ApplicationScoped
public class ExportPageStore implements TransactionExports {

  /** Sorts after every real position: the first page's {@code after}. */
  private static final TransactionPosition END =
      new TransactionPosition(LocalDate.MAX, new UUID(-1L, -1L));

  /** A page list is sized for at most this many rows up front; a larger one grows as it fills. */
  private static final int PRESIZE = 10_000;

  // In the order of ExportedTransaction's components: read by index.
  private static final String COLUMNS =
      "t.id, t.date, t.name, t.description, t.amount, t.currency, t.counterparty, t.merchant,"
          + " t.category, t.method, t.status, t.balance, t.account_id, a.name, t.note";

  private final DataSource dataSource;

  ExportPageStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<ExportedTransaction> page(
      UUID teamId, TransactionSelection selection, TransactionPosition after, int limit) {
    var from = after == null ? END : after;
    try (var c = dataSource.getConnection()) {
      var where = SelectionSql.of(c, teamId, selection);
      try (var select = c.prepareStatement(pageSql(where))) {
        int next = where.bind(select);
        // LocalDate.MAX is sent as 'infinity', after every date.
        select.setObject(next++, from.date());
        select.setObject(next++, from.id());
        select.setInt(next, limit);
        try (var rs = select.executeQuery()) {
          return read(rs, limit);
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read a page of an export", e);
    }
  }

  /**
   * A page's statement: the selection's values, then the position's date and id, then the limit.
   */
  static String pageSql(SelectionSql where) {
    return "SELECT "
        + COLUMNS
        + " FROM transactions.transactions t"
        + " JOIN transactions.bank_accounts a ON a.id = t.account_id"
        + where.where()
        + " AND (t.date, t.id) < (?, ?) ORDER BY t.date DESC, t.id DESC LIMIT ?";
  }

  @Override
  public long count(UUID teamId, TransactionSelection selection) {
    try (var c = dataSource.getConnection()) {
      var where = SelectionSql.of(c, teamId, selection);
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

  private static List<ExportedTransaction> read(ResultSet rs, int limit) throws SQLException {
    var page = new ArrayList<ExportedTransaction>(Math.max(0, Math.min(limit, PRESIZE)));
    // A page holds a handful of accounts: one name string each, not one per row.
    var accountNames = new HashMap<UUID, String>();
    while (rs.next()) {
      var accountId = rs.getObject(13, UUID.class);
      var accountName = accountNames.get(accountId);
      if (accountName == null) {
        accountName = rs.getString(14);
        accountNames.put(accountId, accountName);
      }
      page.add(
          new ExportedTransaction(
              rs.getObject(1, UUID.class),
              rs.getObject(2, LocalDate.class),
              rs.getString(3),
              rs.getString(4),
              rs.getBigDecimal(5),
              rs.getString(6),
              rs.getString(7),
              rs.getString(8),
              rs.getString(9),
              rs.getString(10),
              rs.getString(11),
              rs.getBigDecimal(12),
              accountId,
              accountName,
              rs.getString(15)));
    }
    return page;
  }
}
