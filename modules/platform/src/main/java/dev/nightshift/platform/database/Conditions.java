package dev.nightshift.platform.database;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The optional filters of a list query: each condition counts only when its value is given, so an
 * API's absent query parameters drop out of the {@code WHERE} clause instead of matching null.
 */
public final class Conditions {

  private final List<String> conditions = new ArrayList<>();
  private final List<Object> values = new ArrayList<>();

  /** Adds {@code condition}, with one {@code ?} for {@code value}, unless the value is null. */
  public Conditions and(String condition, Object value) {
    if (value != null) {
      conditions.add(condition);
      values.add(value);
    }
    return this;
  }

  /** {@code " WHERE a AND b"}, or nothing when no condition counts. */
  public String where() {
    return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
  }

  /** Binds the values from parameter 1 on; returns the index of the next parameter. */
  public int bind(PreparedStatement statement) throws SQLException {
    int i = 1;
    for (var value : values) {
      statement.setObject(i++, value);
    }
    return i;
  }
}
