package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.RunLeases;
import dev.nightshift.engine.tasks.CappedTask;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.engine.tasks.SlowTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code engine.claim_runs} called as a worker calls it, on a node without a worker of its own, so
 * the test decides every claim. A database of its own: each test starts with nothing queued.
 */
@QuarkusTest
@TestProfile(ClaimIntegrationTest.ClaimsByHand.class)
@WithTestResource(PostgresTestResource.class)
class ClaimIntegrationTest {

  /** No worker; and a queue limit set in configuration, over the annotation's none. */
  public static class ClaimsByHand implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("nightshift.worker.enabled", "false", "nightshift.tasks.echo.queue-limit", "7");
    }
  }

  private static final Duration LEASE = Duration.ofMinutes(5);

  @Inject Engine engine;
  @Inject RunLeases leases;
  @Inject AgroalDataSource dataSource;

  @BeforeEach
  void endEveryRun() throws SQLException {
    try (var c = dataSource.getConnection();
        var cancel =
            c.prepareStatement(
                "UPDATE engine.runs SET status = 'CANCELED', finished_at = now()"
                    + " WHERE status IN ('QUEUED', 'EXECUTING')")) {
      cancel.executeUpdate();
    }
  }

  @Test
  void aBacklogOfAFullKeyHoldsUpNeitherOtherKeysNorOtherQueues() throws SQLException {
    var backlog = new ArrayList<BatchItem>();
    for (int i = 0; i < 500; i++) {
      backlog.add(
          new BatchItem(
              new SlowTask.Payload(1, "a"), TriggerOptions.defaults().withConcurrencyKey("a")));
    }
    var keyA = engine.batchTrigger("slow", backlog);
    assertThat(ids(leases.claim("worker-1", 1, LEASE)), contains(keyA.get(0).id()));
    var keyB =
        engine.trigger(
            "slow",
            new SlowTask.Payload(1, "b"),
            TriggerOptions.defaults().withConcurrencyKey("b"));
    var otherQueue = engine.trigger("echo", new EchoTask.Payload("hi"), TriggerOptions.defaults());

    var claimed = leases.claim("worker-1", 10, LEASE);

    assertThat(
        "499 runs of the full key a wait ahead of these two, more than the claim takes",
        ids(claimed),
        containsInAnyOrder(keyB.id(), otherQueue.id()));
  }

  @Test
  void aQueueLimitCapsTheQueueAcrossKeysAndHoldsUpNoOtherQueue() throws SQLException {
    var runs = triggerCapped(20);

    assertThat(ids(leases.claim("worker-1", 128, LEASE)), containsInAnyOrder(firstIds(runs, 3)));
    assertThat(leases.claim("worker-1", 128, LEASE), empty());

    var otherQueue = engine.trigger("echo", new EchoTask.Payload("hi"), TriggerOptions.defaults());
    assertThat(
        "17 capped runs wait ahead of it, more than the claim takes",
        ids(leases.claim("worker-1", 5, LEASE)),
        contains(otherQueue.id()));

    finish(runs.get(0).id());
    assertThat(
        "one place is free; key-0 has a place but its next run comes after key-3's",
        ids(leases.claim("worker-1", 128, LEASE)),
        contains(runs.get(3).id()));
    assertThat(executing("capped"), equalTo(3));
  }

  @Test
  void aClaimerWaitsForAnotherOnTheQueueAndNeverExceedsItsLimit() throws Exception {
    triggerCapped(10);
    try (var first = dataSource.getConnection()) {
      first.setAutoCommit(false);
      assertThat(claimIn(first, 5), hasSize(3));

      // Its candidates are the five other keys, whose key locks are free: only the queue's lock
      // keeps it from counting before the first claim commits.
      var second = CompletableFuture.supplyAsync(() -> claim("worker-2", 5));
      await()
          .during(Duration.ofMillis(500))
          .atMost(Duration.ofSeconds(2))
          .until(() -> !second.isDone());
      first.commit();

      assertThat(second.get(10, TimeUnit.SECONDS), empty());
    }
    assertThat(executing("capped"), equalTo(3));
  }

  @Test
  void queueLimitsComeFromAnnotationsAndConfiguration() throws SQLException {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT name, concurrency_limit, queue_limit FROM engine.queues"
                    + " WHERE name IN ('capped', 'echo', 'slow') ORDER BY name");
        var rs = select.executeQuery()) {
      var rows = new ArrayList<String>();
      while (rs.next()) {
        rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
      }
      assertThat(rows, contains("capped 1 3", "echo null 7", "slow 1 null"));
    }
  }

  /** {@code count} capped runs, one per key in turn over ten keys. */
  private List<TriggerResult> triggerCapped(int count) {
    var items = new ArrayList<BatchItem>();
    for (int i = 0; i < count; i++) {
      items.add(
          new BatchItem(
              new CappedTask.Payload(1, "claims"),
              TriggerOptions.defaults().withConcurrencyKey("key-" + i % 10)));
    }
    return engine.batchTrigger("capped", items);
  }

  private List<UUID> claimIn(Connection c, int limit) throws SQLException {
    try (var call =
        c.prepareStatement("SELECT id FROM engine.claim_runs('worker-1', ?, '5 minutes')")) {
      call.setInt(1, limit);
      var ids = new ArrayList<UUID>();
      try (var rs = call.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    }
  }

  private List<ClaimedRun> claim(String worker, int limit) {
    try {
      return leases.claim(worker, limit, LEASE);
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void finish(UUID run) throws SQLException {
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE engine.runs SET status = 'COMPLETED', finished_at = now() WHERE id = ?")) {
      update.setObject(1, run);
      assertThat(update.executeUpdate(), equalTo(1));
    }
  }

  private int executing(String queue) throws SQLException {
    try (var c = dataSource.getConnection();
        var count =
            c.prepareStatement(
                "SELECT count(*) FROM engine.runs WHERE status = 'EXECUTING' AND queue = ?")) {
      count.setString(1, queue);
      try (var rs = count.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private static List<UUID> ids(List<ClaimedRun> runs) {
    return runs.stream().map(ClaimedRun::id).toList();
  }

  private static UUID[] firstIds(List<TriggerResult> runs, int count) {
    return runs.stream().limit(count).map(TriggerResult::id).toArray(UUID[]::new);
  }
}
