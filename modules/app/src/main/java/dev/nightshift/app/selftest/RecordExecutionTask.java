package dev.nightshift.app.selftest;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.lang.management.ManagementFactory;
import java.sql.SQLException;
import javax.sql.DataSource;

/**
 * Records each attempt as a row of {@code selftest.executions}, then sleeps, so that tests count
 * side effects: a run executed twice shows as two rows of its id. The row is committed on its own,
 * before the sleep and apart from the run's completion, exactly like a side effect towards another
 * system would be.
 */
@ApplicationScoped
@TaskDefinition(id = "selftest-record")
public class RecordExecutionTask implements Task<RecordExecutionTask.Payload, String> {

  /** {@code pid@host}: which process executed the attempt. */
  static final String WORKER = ManagementFactory.getRuntimeMXBean().getName();

  /**
   * @param sleepMillis how long the attempt lasts after recording itself, in milliseconds; 0 for
   *     none
   */
  public record Payload(@PositiveOrZero @Max(3_600_000) long sleepMillis) {}

  private final DataSource dataSource;

  RecordExecutionTask(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Returns the worker that executed the attempt; an interrupt (cancel, timeout) ends the sleep.
   */
  @Override
  public String run(Payload payload, TaskContext context)
      throws SQLException, InterruptedException {
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO selftest.executions (run_id, attempt, worker) VALUES (?, ?, ?)")) {
      insert.setObject(1, context.runId());
      insert.setInt(2, context.attempt());
      insert.setString(3, WORKER);
      insert.executeUpdate();
    }
    if (payload.sleepMillis() > 0) {
      Thread.sleep(payload.sleepMillis());
    }
    return WORKER;
  }
}
