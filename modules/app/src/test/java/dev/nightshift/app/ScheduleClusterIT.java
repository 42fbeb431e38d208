package dev.nightshift.app;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Three real nodes on one database all tick every schedule: 200 schedules that fire every second,
 * for about ten seconds. Every fire time between a schedule's first and last run must have made
 * exactly one run: none twice (on two nodes), none missing. Node logs stay in {@code
 * target/it-logs/ScheduleClusterIT/}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ScheduleClusterIT {

  private static final int SCHEDULES = 200;

  @RegisterExtension final FreshDatabase database = new FreshDatabase();

  @Test
  void threeNodesFireEachSecondOfEachScheduleExactlyOnce() throws Exception {
    var env = new HashMap<>(database.nodeEnv());
    env.put("NIGHTSHIFT_SCHEDULER_POLL_INTERVAL", "200ms");
    try (var cluster = Cluster.start(Path.of("target", "it-logs", "ScheduleClusterIT"), 3, env)) {
      for (int i = 0; i < SCHEDULES; i++) {
        var node = cluster.node(i % 3);
        var created =
            node.send(
                "POST",
                "/api/v1/schedules",
                "{\"task\": \"selftest-noop\", \"interval\": \"1s\", \"externalId\": \"team-"
                    + i
                    + "\", \"payload\": {\"value\": "
                    + i
                    + "}}");
        assertThat(created.body(), created.statusCode(), equalTo(201));
      }
      await()
          .atMost(Duration.ofMinutes(1))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () ->
                  database
                      .runs()
                      .count(
                          "SELECT min(n) FROM (SELECT count(*) AS n FROM engine.schedules s"
                              + " LEFT JOIN engine.runs r ON r.tags @> ARRAY['schedule:' || s.id]"
                              + " GROUP BY s.id) c"),
              n -> n >= 10);
      // Stop every schedule at once; a tick holding rows finishes first, then none fires again.
      database.runs().execute("UPDATE engine.schedules SET active = false");
    }

    var fireTimes = fireTimesBySchedule();
    assertThat(fireTimes.size(), equalTo(SCHEDULES));
    var problems = new ArrayList<String>();
    long total = 0;
    for (var entry : fireTimes.entrySet()) {
      var times = entry.getValue();
      total += times.size();
      var distinct = new TreeSet<>(times);
      if (distinct.size() != times.size()) {
        problems.add(entry.getKey() + " fired a time twice: " + times);
      }
      Instant previous = null;
      for (var time : distinct) {
        if (previous != null && !Duration.between(previous, time).equals(Duration.ofSeconds(1))) {
          problems.add(entry.getKey() + " missed the times between " + previous + " and " + time);
        }
        previous = time;
      }
      assertThat(times.size(), greaterThanOrEqualTo(10));
    }
    assertThat(problems, empty());
    assertThat(
        "every run has its own key",
        database.runs().count("SELECT count(DISTINCT idempotency_key) FROM engine.runs"),
        equalTo(total));
    System.out.printf(
        "[schedules] 3 nodes, %d schedules every second: %d runs, each fire time once%n",
        SCHEDULES, total);
  }

  /** Every schedule's fire times, read from its runs' keys {@code schedule:<id>:<fire time>}. */
  private Map<String, List<Instant>> fireTimesBySchedule() throws Exception {
    var result = new TreeMap<String, List<Instant>>();
    try (var c = database.runs().connect();
        var query =
            c.prepareStatement(
                "SELECT idempotency_key FROM engine.runs WHERE task_id = 'selftest-noop'");
        var rs = query.executeQuery()) {
      while (rs.next()) {
        var key = rs.getString(1);
        int split = key.indexOf(':', "schedule:".length());
        result
            .computeIfAbsent(key.substring(0, split), k -> new ArrayList<>())
            .add(Instant.parse(key.substring(split + 1)));
      }
    }
    return result;
  }
}
