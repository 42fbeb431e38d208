package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class EngineObservabilityIntegrationTest {

  @Inject Engine engine;
  @Inject RunReads reads;

  @Test
  void runsAreCountedAndTimedPerTaskAndQueuesAreGauged() {
    var id =
        engine.trigger("echo", new EchoTask.Payload("measure me"), TriggerOptions.defaults()).id();
    RunAwait.until(reads, id, RunStatus.COMPLETED);

    await()
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                given()
                    .accept("text/plain")
                    .get("/q/metrics")
                    .then()
                    .statusCode(200)
                    .body(containsString("nightshift_runs_triggered_total{task=\"echo\""))
                    .body(containsString("nightshift_runs_started_total{task=\"echo\""))
                    .body(containsString("nightshift_runs_succeeded_total{task=\"echo\""))
                    .body(
                        containsString(
                            "nightshift_runs_start_latency_seconds_bucket{task=\"echo\""))
                    .body(
                        containsString(
                            "nightshift_runs_duration_seconds_count{outcome=\"COMPLETED\",task=\"echo\""))
                    .body(containsString("nightshift_queue_depth{queue=\"echo\"")));
  }

  @Test
  void livenessReportsTheWorkerLoop() {
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.name", hasItem("nightshift-worker"))
        .body("checks.find { it.name == 'nightshift-worker' }.status", equalTo("UP"))
        .body("checks.find { it.name == 'nightshift-worker' }.data.enabled", equalTo(true));
  }
}
