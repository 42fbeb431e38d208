package dev.nightshift.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.engine.tasks.ParentTask;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@TestProfile(WorkerDisabledIntegrationTest.NoWorker.class)
@WithTestResource(PostgresTestResource.class)
class EngineTestKitIntegrationTest {

  @Inject Engine engine;
  @Inject EngineTestKit kit;
  @Inject RunReads reads;

  @Test
  void drainRunsDueRunsOnTheCallingThread() {
    String message = "drained " + UUID.randomUUID();
    var id = engine.trigger("echo", new EchoTask.Payload(message), TriggerOptions.defaults()).id();

    kit.drain();

    assertThat(reads.find(id).orElseThrow().status(), equalTo(RunStatus.COMPLETED));
    assertThat(kit.assertTriggered("echo", Map.of("message", message)).id(), equalTo(id));
    assertThrows(
        AssertionError.class, () -> kit.assertTriggered("echo", Map.of("message", "never sent")));
  }

  @Test
  void theClockDecidesWhenDelayedRunsAndRetriesAreDue() {
    var delayed =
        engine
            .trigger(
                "echo",
                new EchoTask.Payload("tomorrow"),
                TriggerOptions.defaults().withDelay(Duration.ofDays(1)))
            .id();
    var flaky =
        engine
            .trigger(
                "flaky", new FlakyTask.Payload(1, "later", 3_600_000), TriggerOptions.defaults())
            .id();

    kit.drain();
    assertThat(reads.find(delayed).orElseThrow().status(), equalTo(RunStatus.QUEUED));
    assertThat(
        "the retry waits an hour",
        reads.find(flaky).orElseThrow().status(),
        equalTo(RunStatus.QUEUED));

    kit.advanceClock(Duration.ofDays(1).plusMinutes(1));
    kit.drain();

    assertThat(reads.find(delayed).orElseThrow().status(), equalTo(RunStatus.COMPLETED));
    assertThat(reads.find(flaky).orElseThrow().status(), equalTo(RunStatus.COMPLETED));
  }

  @Test
  void theClockEndsDurableWaitsAndDrainResumesThem() {
    var parent =
        engine
            .trigger(
                "parent",
                new ParentTask.Payload(List.of("x"), 3_600_000),
                TriggerOptions.defaults())
            .id();

    kit.drain();
    assertThat(reads.find(parent).orElseThrow().status(), equalTo(RunStatus.WAITING));

    kit.advanceClock(Duration.ofHours(1));
    kit.drain();

    var run = reads.find(parent).orElseThrow();
    assertThat(run.status(), equalTo(RunStatus.COMPLETED));
    assertThat(run.output().asText(), equalTo("woke;X"));
  }
}
