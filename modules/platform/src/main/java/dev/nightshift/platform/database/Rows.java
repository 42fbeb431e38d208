package dev.nightshift.platform.database;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;

/** Reading PostgreSQL column types that JDBC has no direct getter for. */
public final class Rows {

  private Rows() {}

  /** A {@code timestamptz} column as an instant; null stays null. */
  public static Instant instant(ResultSet rs, String column) throws SQLException {
    var value = rs.getObject(column, OffsetDateTime.class);
    return value == null ? null : value.toInstant();
  }
}
