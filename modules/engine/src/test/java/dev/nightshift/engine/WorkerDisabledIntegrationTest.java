package dev.nightshift.engine;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.EchoTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A node with {@code nightshift.worker.enabled=false} triggers runs but never executes them. */
@QuarkusTest
@TestProfile(WorkerDisabledIntegrationTest.NoWorker.class)
@WithTestResource(PostgresTestResource.class)
class WorkerDisabledIntegrationTest {

  public static class NoWorker implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of("nightshift.worker.enabled", "false");
    }
  }

  @Inject Engine engine;
  @Inject RunReads reads;

  @Test
  void runsStayQueuedAndHealthSaysWhy() {
    var id =
        engine
            .trigger("echo", new EchoTask.Payload("nobody runs me"), TriggerOptions.defaults())
            .id();

    await()
        .during(Duration.ofMillis(800))
        .atMost(Duration.ofSeconds(3))
        .until(() -> reads.find(id).orElseThrow().status() == RunStatus.QUEUED);
    given()
        .get("/q/health/live")
        .then()
        .statusCode(200)
        .body("checks.find { it.name == 'nightshift-worker' }.data.enabled", equalTo(false));
  }
}
