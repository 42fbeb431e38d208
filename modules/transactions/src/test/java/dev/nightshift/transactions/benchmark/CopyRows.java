package dev.nightshift.transactions.benchmark;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.transactions.provider.ProviderTransaction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/** The baseline: the same rows into the same table with one {@code COPY ... FROM STDIN}. */
final class CopyRows {

  private static final String COPY =
      "COPY transactions.transactions (id, team_id, account_id, internal_id, date, amount,"
          + " currency, name, description, merchant, counterparty, category, method, status,"
          + " balance) FROM STDIN (FORMAT csv)";

  private CopyRows() {}

  /** Row {@code i} goes to {@code accounts[(i / page) % accounts]}, as the upserts spread them. */
  static long copy(
      Connection c, UUID team, List<UUID> accounts, int page, List<ProviderTransaction> rows)
      throws SQLException {
    var copy = c.unwrap(PGConnection.class).getCopyAPI().copyIn(COPY);
    var csv = new StringBuilder(1 << 17);
    for (int i = 0; i < rows.size(); i++) {
      var t = rows.get(i);
      csv.append(Ids.next()).append(',').append(team).append(',');
      csv.append(accounts.get((i / page) % accounts.size())).append(',');
      text(csv, "sandbox:" + t.id()).append(',').append(t.date()).append(',');
      csv.append(t.amount().toPlainString()).append(',');
      text(csv, t.currency()).append(',');
      text(csv, t.name()).append(',');
      text(csv, t.description()).append(',');
      text(csv, t.merchant()).append(',');
      text(csv, t.counterparty()).append(',');
      text(csv, t.category()).append(',');
      text(csv, t.method().name()).append(',');
      text(csv, t.status().name()).append(',');
      csv.append(t.balance() == null ? "" : t.balance().toPlainString()).append('\n');
      if (csv.length() > 1 << 16) {
        write(copy, csv);
      }
    }
    write(copy, csv);
    return copy.endCopy();
  }

  // In CSV an unquoted empty field is NULL and a quoted one is text.
  private static StringBuilder text(StringBuilder csv, String value) {
    return value == null ? csv : csv.append('"').append(value.replace("\"", "\"\"")).append('"');
  }

  private static void write(CopyIn copy, StringBuilder csv) throws SQLException {
    byte[] bytes = csv.toString().getBytes(StandardCharsets.UTF_8);
    copy.writeToCopy(bytes, 0, bytes.length);
    csv.setLength(0);
  }
}
