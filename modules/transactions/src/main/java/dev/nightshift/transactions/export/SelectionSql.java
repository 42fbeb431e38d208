package dev.nightshift.transactions.export;

import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.platform.database.Conditions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A {@link TransactionSelection} as the {@code WHERE} clause of a statement over {@code
 * transactions.transactions t}: always the team, then each condition the selection sets. Reading an
 * export and marking it exported build their statements here, so both agree on what a selection
 * holds. A null or empty selection is the team's every transaction.
 */
final class SelectionSql {

  private final Conditions conditions;
  private final String where;

  private SelectionSql(Conditions conditions, String where) {
    this.conditions = conditions;
    this.where = where;
  }

  /** Every condition of the selection, {@code notExported} included. */
  static SelectionSql of(Connection c, UUID team, TransactionSelection selection)
      throws SQLException {
    return selection == null
        ? of(c, team, null, null, false)
        : of(c, team, selection, selection.createdBefore(), selection.notExported());
  }

  /**
   * The selection's conditions, with {@code createdBefore} in place of its own and {@code
   * notExported} applied only when asked.
   */
  static SelectionSql of(
      Connection c,
      UUID team,
      TransactionSelection selection,
      Instant createdBefore,
      boolean notExported)
      throws SQLException {
    var all = selection == null;
    var conditions =
        new Conditions()
            .and("t.team_id = ?", team)
            .and("t.id = ANY (?)", all ? null : uuids(c, selection.ids()))
            .and("t.account_id = ANY (?)", all ? null : uuids(c, selection.accountIds()))
            .and("t.date >= ?", all ? null : selection.from())
            .and("t.date <= ?", all ? null : selection.to())
            .and("t.status = ?", all || blank(selection.status()) ? null : selection.status())
            .and(
                "t.created_at < ?",
                createdBefore == null
                    ? null
                    : OffsetDateTime.ofInstant(createdBefore, ZoneOffset.UTC));
    // The team's condition is always there, so the clause is never empty.
    var where = conditions.where() + (notExported ? " AND t.exported_at IS NULL" : "");
    return new SelectionSql(conditions, where);
  }

  /** {@code " WHERE t.team_id = ? AND ..."}. */
  String where() {
    return where;
  }

  /** Binds the conditions' values from parameter 1 on; returns the next parameter's index. */
  int bind(PreparedStatement statement) throws SQLException {
    return conditions.bind(statement);
  }

  private static java.sql.Array uuids(Connection c, List<UUID> ids) throws SQLException {
    return ids == null || ids.isEmpty() ? null : c.createArrayOf("uuid", ids.toArray());
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
