package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.engine.Engine.BatchItem;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.CappedTask;
import dev.nightshift.engine.tasks.Probe;
import dev.nightshift.engine.tasks.SlowTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The queue of {@code slow} has a limit of 1: one run at a time per concurrency key. Several keys
 * run side by side. The queue of {@code capped} also has a queue limit of 3. (Across several nodes
 * this is tested with real processes in the app module; the claims themselves in {@link
 * ClaimIntegrationTest}.)
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ConcurrencyIntegrationTest {

  @Inject Engine engine;
  @Inject RunReads reads;

  @Test
  void aConcurrencyKeyRunsOneAtATimeWhileOtherKeysProceed() {
    String teamA = "a-" + UUID.randomUUID();
    String teamB = "b-" + UUID.randomUUID();
    var items = new ArrayList<BatchItem>();
    for (int i = 0; i < 6; i++) {
      for (String team : List.of(teamA, teamB)) {
        items.add(
            new BatchItem(
                new SlowTask.Payload(40, team),
                TriggerOptions.defaults().withConcurrencyKey(team)));
      }
    }

    var runs = engine.batchTrigger("slow", items);

    runs.forEach(r -> RunAwait.until(reads, r.id(), RunStatus.COMPLETED));
    assertThat(Probe.MAX_RUNNING.get(teamA).get(), equalTo(1));
    assertThat(Probe.MAX_RUNNING.get(teamB).get(), equalTo(1));
  }

  @Test
  void aQueueLimitCapsTheQueueWhateverTheKeys() {
    String group = "capped-" + UUID.randomUUID();
    var items = new ArrayList<BatchItem>();
    for (int i = 0; i < 20; i++) {
      items.add(
          new BatchItem(
              new CappedTask.Payload(100, group),
              TriggerOptions.defaults().withConcurrencyKey("key-" + i % 10)));
    }

    var runs = engine.batchTrigger("capped", items);

    runs.forEach(r -> RunAwait.until(reads, r.id(), RunStatus.COMPLETED));
    assertThat(
        "ten keys could run ten at once; the queue lets three",
        Probe.MAX_RUNNING.get(group).get(),
        equalTo(3));
  }

  @Test
  void aPausedQueueStartsNothingUntilResumed() {
    admin().post("/api/v1/queues/slow/pause").then().statusCode(204);
    String group = "paused-" + UUID.randomUUID();
    var run =
        engine.trigger(
            "slow",
            new SlowTask.Payload(1, group),
            TriggerOptions.defaults().withConcurrencyKey(group));
    try {
      org.awaitility.Awaitility.await()
          .during(java.time.Duration.ofMillis(600))
          .atMost(java.time.Duration.ofSeconds(2))
          .until(() -> reads.find(run.id()).orElseThrow().status() == RunStatus.QUEUED);
      admin()
          .get("/api/v1/queues")
          .then()
          .statusCode(200)
          .body("data.find { it.name == 'slow' }.paused", org.hamcrest.Matchers.is(true))
          .body("data.find { it.name == 'capped' }.concurrencyLimit", org.hamcrest.Matchers.is(1))
          .body("data.find { it.name == 'capped' }.queueLimit", org.hamcrest.Matchers.is(3));
    } finally {
      admin().post("/api/v1/queues/slow/resume").then().statusCode(204);
    }
    RunAwait.until(reads, run.id(), RunStatus.COMPLETED);
  }

  private static io.restassured.specification.RequestSpecification admin() {
    return given().header("Authorization", "Bearer test-admin-key");
  }
}
