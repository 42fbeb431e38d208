package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Durable waits on the packaged application: runs that wait survive their node being killed, and a
 * node started afterwards resumes them without running a finished step twice. The {@code
 * selftest-journey} task records each step body in {@code selftest.steps}. Node logs stay in {@code
 * target/it-logs/DurableWaitIT/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class DurableWaitIT {

  private static final int RUNS = 40;
  private static final int CHILDREN = 3;

  @RegisterExtension final FreshDatabase database = new FreshDatabase();

  @Test
  void waitingRunsSurviveTheirNodeBeingKilledAndResumeOnAnother() throws Exception {
    var env = new HashMap<>(database.nodeEnv());
    var logs = Path.of("target", "it-logs", "DurableWaitIT");
    var items = new StringBuilder("{\"items\":[");
    for (int i = 0; i < RUNS; i++) {
      items
          .append(i == 0 ? "" : ",")
          .append("{\"payload\":{\"waitMillis\":4000,\"children\":" + CHILDREN + "}}");
    }
    try (var first = Cluster.start(logs.resolve("first"), 1, env)) {
      var response =
          first
              .node(0)
              .send("POST", "/api/v1/tasks/selftest-journey/batch", items.append("]}").toString());
      assertThat(response.body(), response.statusCode(), equalTo(200));
      await()
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(50))
          .until(() -> database.runs().statuses().equals(Map.of("WAITING", (long) RUNS)));
      first.node(0).kill();
    }
    assertThat(stepsRun("before"), equalTo((long) RUNS));

    try (var second = Cluster.start(logs.resolve("second"), 1, env)) {
      await()
          .atMost(Duration.ofSeconds(60))
          .pollInterval(Duration.ofMillis(250))
          .until(
              () ->
                  database
                      .runs()
                      .statuses()
                      .equals(Map.of("COMPLETED", (long) RUNS * (CHILDREN + 1))));
    }
    assertThat(
        "every journey saw all its children complete",
        database
            .runs()
            .count(
                "SELECT count(*) FROM engine.runs WHERE task_id = 'selftest-journey'"
                    + " AND output = to_jsonb(?::int)",
                CHILDREN),
        equalTo((long) RUNS));
    assertThat(
        "no finished step ran again after the restart", stepsRun("before"), equalTo((long) RUNS));
    assertThat(stepsRun("after"), equalTo((long) RUNS));
    assertThat(
        "each run's steps ran once",
        database
            .runs()
            .count(
                "SELECT count(*) FROM (SELECT run_id, step FROM selftest.steps"
                    + " GROUP BY run_id, step HAVING count(*) > 1) d"),
        equalTo(0L));
  }

  private long stepsRun(String step) throws Exception {
    return database.runs().count("SELECT count(*) FROM selftest.steps WHERE step = ?", step);
  }
}
