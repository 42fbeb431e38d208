package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.is;

import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node with {@code nightshift.scheduler.enabled=false} fires neither ticks nor schedules. */
@QuarkusTest
@TestProfile(SchedulerDisabledIntegrationTest.NoScheduler.class)
@WithTestResource(PostgresTestResource.class)
class SchedulerDisabledIntegrationTest {

  public static class NoScheduler implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "nightshift.scheduler.enabled", "false", "nightshift.scheduler.poll-interval", "100ms");
    }
  }

  @Inject Ticks ticks;
  @Inject Schedules schedules;
  @Inject RunReads reads;

  @Test
  void ticksTriggerNothing() {
    var tick =
        ticks.tick(
            TicksIntegrationTest.execution(Instant.parse("2030-01-01T00:00:00Z")),
            "echo",
            new EchoTask.Payload("never"));

    assertThat(tick.isPresent(), is(false));
    assertThat(
        reads.list(new RunFilter(null, "echo", null, null, null, null, null, 10)).isEmpty(),
        is(true));
  }

  @Test
  void dueSchedulesStayUnfiredButCanBeManaged() {
    var schedule =
        schedules.create(
            ScheduleDefinition.every("echo", Duration.ofSeconds(1), Map.of("message", "x")));

    await()
        .during(Duration.ofMillis(1500))
        .atMost(Duration.ofSeconds(3))
        .until(() -> schedules.find(schedule.id()).orElseThrow().lastRun() == null);
    assertThat(schedules.triggerNow(schedule.id()).isPresent(), is(true));
  }
}
