package dev.nightshift.app.selftest;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.PositiveOrZero;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import javax.sql.DataSource;

/**
 * A durable workflow: a step, a wait, children it waits for, another step. Each step body records
 * itself in {@code selftest.steps}, so tests see whether a restart made a finished step run again.
 * Returns how many children completed.
 */
@ApplicationScoped
@TaskDefinition(id = "selftest-journey")
public class JourneyTask implements Task<JourneyTask.Payload, Integer> {

  /**
   * @param waitMillis how long the run waits between its first step and its children
   * @param children how many {@code selftest-record} children it triggers and waits for
   */
  public record Payload(
      @PositiveOrZero @Max(86_400_000) long waitMillis, @PositiveOrZero @Max(100) int children) {}

  private final DataSource dataSource;

  JourneyTask(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public Integer run(Payload payload, TaskContext context) throws Exception {
    context.step("before", () -> record(context, "before"));
    context.waitFor(Duration.ofMillis(payload.waitMillis()));
    var items = new ArrayList<Engine.BatchItem>();
    for (int i = 0; i < payload.children(); i++) {
      items.add(new Engine.BatchItem(new RecordExecutionTask.Payload(0), null));
    }
    var children = context.batchTriggerAndWait("selftest-record", items, String.class);
    context.step("after", () -> record(context, "after"));
    return (int) children.stream().filter(child -> child.isCompleted()).count();
  }

  private void record(TaskContext context, String step) throws SQLException {
    try (var c = dataSource.getConnection();
        var insert =
            c.prepareStatement(
                "INSERT INTO selftest.steps (run_id, step, worker) VALUES (?, ?, ?)")) {
      insert.setObject(1, context.runId());
      insert.setString(2, step);
      insert.setString(3, RecordExecutionTask.WORKER);
      insert.executeUpdate();
    }
  }
}
