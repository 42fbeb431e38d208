package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.startsWith;

import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.scheduler.ScheduledExecution;
import io.quarkus.scheduler.Trigger;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * System ticks and dynamic schedules firing on their own: a {@code @Scheduled} method every second,
 * and the node's scheduler loop ten times a second.
 */
@QuarkusTest
@TestProfile(TicksIntegrationTest.LiveTicks.class)
@WithTestResource(PostgresTestResource.class)
class TicksIntegrationTest {

  public static class LiveTicks implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("test.tick-cron", "* * * * * ?", "nightshift.scheduler.poll-interval", "100ms");
    }
  }

  @Inject Ticks ticks;
  @Inject Schedules schedules;
  @Inject RunReads reads;

  @Test
  void eightReplicasFiringTheSameTickAtOnceMakeOneRun() throws Exception {
    var fireTime =
        Instant.parse("2030-01-01T00:00:00Z")
            .plusSeconds(ThreadLocalRandom.current().nextInt(1_000_000));
    var replicas = new java.util.ArrayList<Callable<TriggerResult>>();
    for (int i = 0; i < 8; i++) {
      var payload = new EchoTask.Payload("replica " + i);
      replicas.add(
          () -> ticks.tick(execution(fireTime.plusMillis(7)), "echo", payload).orElseThrow());
    }
    List<Future<TriggerResult>> results;
    try (var pool = Executors.newFixedThreadPool(8)) {
      results = pool.invokeAll(replicas);
    }

    var runs = runsWithKey("tick:echo:" + fireTime);
    assertThat(runs, hasSize(1));
    long created = 0;
    for (var result : results) {
      created += result.get().isCached() ? 0 : 1;
      assertThat(result.get().id(), equalTo(runs.getFirst().id()));
    }
    assertThat(created, equalTo(1L));
  }

  @Test
  void anEveryTickIsKeyedByItsPeriodSoReplicasStartedApartShareIt() {
    var period =
        Instant.parse("2031-06-01T10:00:00Z")
            .plusSeconds(60L * ThreadLocalRandom.current().nextInt(100_000));
    var payload = new EchoTask.Payload("every");
    var early =
        ticks.tick(execution(period.plusSeconds(3)), "echo", payload, Duration.ofMinutes(1));
    var late =
        ticks.tick(execution(period.plusSeconds(59)), "echo", payload, Duration.ofMinutes(1));
    var next =
        ticks.tick(execution(period.plusSeconds(61)), "echo", payload, Duration.ofMinutes(1));

    assertThat(late.orElseThrow().id(), equalTo(early.orElseThrow().id()));
    assertThat(late.orElseThrow().isCached(), is(true));
    assertThat(next.orElseThrow().id().equals(early.orElseThrow().id()), is(false));
    assertThat(runsWithKey("tick:echo:" + period), hasSize(1));
  }

  @Test
  void aScheduledMethodTriggersOneRunPerFireTime() {
    var runs =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(() -> runsOfMessage("scheduled method"), r -> r.size() >= 3);

    var keys = runs.stream().map(RunView::idempotencyKey).toList();
    assertThat(keys, everyItem(startsWith("tick:echo:")));
    assertThat(new HashSet<>(keys).size(), equalTo(keys.size()));
    for (var key : keys) {
      var fireTime = Instant.parse(key.substring("tick:echo:".length()));
      assertThat(fireTime, equalTo(fireTime.truncatedTo(ChronoUnit.SECONDS)));
    }
  }

  @Test
  void aDynamicScheduleFiresEachSecondOnceOnItsOwn() {
    var schedule =
        schedules.create(
            ScheduleDefinition.every("echo", Duration.ofSeconds(1), Map.of("message", "live")));
    var tag = "schedule:" + schedule.id();

    await()
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> reads.list(filter(tag, RunStatus.COMPLETED)), r -> r.size() >= 3);
    schedules.pause(schedule.id());
    // Paused: what fired until now finishes, and nothing new comes.
    var runs =
        await()
            .atMost(Duration.ofSeconds(20))
            .pollInterval(Duration.ofMillis(100))
            .until(
                () -> reads.list(filter(tag, null)),
                r -> r.stream().allMatch(run -> run.status() == RunStatus.COMPLETED));

    var fireTimes =
        runs.stream()
            .map(r -> Instant.parse(r.idempotencyKey().substring(tag.length() + 1)))
            .sorted()
            .toList();
    for (int i = 1; i < fireTimes.size(); i++) {
      assertThat(
          Duration.between(fireTimes.get(i - 1), fireTimes.get(i)), equalTo(Duration.ofSeconds(1)));
    }
  }

  private static RunFilter filter(String tag, RunStatus status) {
    return new RunFilter(null, null, status, tag, null, null, null, 200);
  }

  private List<RunView> runsWithKey(String key) {
    return reads.list(new RunFilter(null, "echo", null, null, null, null, null, 200)).stream()
        .filter(r -> key.equals(r.idempotencyKey()))
        .toList();
  }

  private List<RunView> runsOfMessage(String message) {
    return reads.list(new RunFilter(null, "echo", null, null, null, null, null, 200)).stream()
        .filter(r -> message.equals(r.payload().get("message").asText()))
        .toList();
  }

  /** What Quarkus hands a {@code @Scheduled} method, as each replica would see it. */
  static ScheduledExecution execution(Instant scheduledFireTime) {
    return new ScheduledExecution() {
      @Override
      public Trigger getTrigger() {
        throw new UnsupportedOperationException("not read by ticks");
      }

      @Override
      public Instant getFireTime() {
        return scheduledFireTime.plusMillis(3);
      }

      @Override
      public Instant getScheduledFireTime() {
        return scheduledFireTime;
      }
    };
  }
}
