package dev.nightshift.platform.database;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;

/**
 * The plain JDBC that stores repeat: one statement with positional values on a pooled connection,
 * its rows read by the store's reader, an {@link SQLException} turned into an unchecked failure
 * that says what could not be done. Statements that need more (batches, arrays, several statements
 * in one transaction) stay in their store.
 */
public final class Statements {

  /** Reads the current row; never moves the result set. */
  @FunctionalInterface
  public interface RowReader<T> {
    T read(ResultSet rs) throws SQLException;
  }

  private Statements() {}

  /**
   * Every row of a query.
   *
   * @param what for the failure's message: "read calendar connections"
   */
  public static <T> List<T> list(
      DataSource dataSource, String what, String sql, RowReader<T> reader, Object... values) {
    try (var c = dataSource.getConnection();
        var query = bound(c.prepareStatement(sql), values);
        var rs = query.executeQuery()) {
      var rows = new ArrayList<T>();
      while (rs.next()) {
        rows.add(reader.read(rs));
      }
      return rows;
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  /** The first row of a query, if any. */
  public static <T> Optional<T> first(
      DataSource dataSource, String what, String sql, RowReader<T> reader, Object... values) {
    try (var c = dataSource.getConnection();
        var query = bound(c.prepareStatement(sql), values);
        var rs = query.executeQuery()) {
      return rs.next() ? Optional.of(reader.read(rs)) : Optional.empty();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  /** Runs an INSERT, UPDATE or DELETE; returns the rows it changed. */
  public static int update(DataSource dataSource, String what, String sql, Object... values) {
    try (var c = dataSource.getConnection();
        var update = bound(c.prepareStatement(sql), values)) {
      return update.executeUpdate();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not " + what, e);
    }
  }

  private static PreparedStatement bound(PreparedStatement statement, Object[] values)
      throws SQLException {
    for (int i = 0; i < values.length; i++) {
      statement.setObject(i + 1, values[i]);
    }
    return statement;
  }
}
