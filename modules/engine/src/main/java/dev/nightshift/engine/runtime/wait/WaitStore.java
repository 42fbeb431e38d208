package dev.nightshift.engine.runtime.wait;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Resumes waiting runs whose wait is over, through {@code engine.wake_runs}. */
@ApplicationScoped
public class WaitStore {

  private final DataSource dataSource;

  WaitStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /** Resumes up to {@code limit} runs whose wait is over; returns how many. */
  public int wake(int limit) throws SQLException {
    try (var c = dataSource.getConnection();
        var wake = c.prepareStatement("SELECT engine.wake_runs(?)")) {
      wake.setInt(1, limit);
      try (var rs = wake.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }
}
