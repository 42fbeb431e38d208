package dev.nightshift.transactions.matching;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.contracts.transactions.MatchCandidates;
import jakarta.enterprise.context.ApplicationScoped;
import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The transactions module's side of {@link MatchCandidates}: plain SQL over {@code
 * transactions.transactions}, served by the index {@code transactions_match_candidates}. Only
 * posted transactions are candidates: some providers give a pending transaction a new id when it
 * posts, and a document linked to the pending one would point at a deleted row.
 */
@ApplicationScoped
public class MatchCandidateStore implements MatchCandidates {

  private static final String COLUMNS =
      "id, team_id, date, amount, currency, name, merchant, counterparty, description";

  private final DataSource dataSource;

  MatchCandidateStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<MatchCandidate> withAmount(
      UUID teamId,
      BigDecimal signedAmount,
      LocalDate from,
      LocalDate to,
      LocalDate around,
      int limit) {
    // Equal amounts in any currency: the caller scores a currency that differs.
    String sql =
        "SELECT "
            + COLUMNS
            + " FROM transactions.transactions WHERE team_id = ? AND amount = ?"
            + " AND date BETWEEN ? AND ? AND status = 'POSTED'"
            + " ORDER BY abs(date - ?::date), date, id LIMIT ?";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, teamId);
      select.setBigDecimal(2, signedAmount);
      select.setObject(3, from);
      select.setObject(4, to);
      select.setObject(5, around);
      select.setInt(6, limit);
      return readAll(select.executeQuery());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read match candidates", e);
    }
  }

  @Override
  public List<MatchCandidate> byIds(UUID teamId, Collection<UUID> ids) {
    if (ids.isEmpty()) {
      return List.of();
    }
    String sql =
        "SELECT " + COLUMNS + " FROM transactions.transactions WHERE team_id = ? AND id = ANY (?)";
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(sql)) {
      select.setObject(1, teamId);
      select.setArray(2, c.createArrayOf("uuid", ids.toArray()));
      return readAll(select.executeQuery());
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read transactions by id", e);
    }
  }

  private static List<MatchCandidate> readAll(ResultSet rs) throws SQLException {
    try (rs) {
      var found = new ArrayList<MatchCandidate>();
      while (rs.next()) {
        found.add(
            new MatchCandidate(
                rs.getObject("id", UUID.class),
                rs.getObject("team_id", UUID.class),
                rs.getObject("date", LocalDate.class),
                rs.getBigDecimal("amount"),
                rs.getString("currency"),
                rs.getString("name"),
                rs.getString("merchant"),
                rs.getString("counterparty"),
                rs.getString("description")));
      }
      return found;
    }
  }
}
