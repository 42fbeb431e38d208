package dev.nightshift.engine;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;

import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.tasks.FlakyTask;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class RetryIntegrationTest {

  @Inject Engine engine;
  @Inject RunReads reads;

  @Test
  void aFailingAttemptIsRetriedAndEveryErrorIsKept() {
    var id =
        engine
            .trigger("flaky", new FlakyTask.Payload(2, "error", 0), TriggerOptions.defaults())
            .id();

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    assertThat(run.attempt(), equalTo(3));
    assertThat(run.output().asText(), equalTo("ok after 3"));
    assertThat(run.attempts().size(), equalTo(2));
    assertThat(run.attempts().get(0).get("message").asText(), equalTo("failure 1"));
    assertThat(run.attempts().get(1).get("stackTrace").asText(), containsString("FlakyTask.run"));
  }

  @Test
  void anExhaustedRunFailsWithEveryAttemptsError() {
    var id =
        engine
            .trigger("flaky", new FlakyTask.Payload(5, "error", 0), TriggerOptions.defaults())
            .id();

    var run = RunAwait.until(reads, id, RunStatus.FAILED);
    assertThat(run.attempt(), equalTo(3));
    assertThat(run.attempts().size(), equalTo(3));
    assertThat(
        run.attempts().get(2).get("type").asText(), equalTo(IllegalStateException.class.getName()));
  }

  @Test
  void aNonRetryableErrorFailsAtOnce() {
    var id =
        engine
            .trigger("flaky", new FlakyTask.Payload(1, "fatal", 0), TriggerOptions.defaults())
            .id();

    var run = RunAwait.until(reads, id, RunStatus.FAILED);
    assertThat(run.attempt(), equalTo(1));
    assertThat(
        run.attempts().get(0).get("message").asText(), equalTo("cannot be fixed by retrying"));
  }

  @Test
  void aRetryAfterHintDelaysTheNextAttempt() {
    var id =
        engine
            .trigger("flaky", new FlakyTask.Payload(1, "later", 1500), TriggerOptions.defaults())
            .id();

    var run = RunAwait.until(reads, id, RunStatus.COMPLETED);
    var firstFailed = Instant.parse(run.attempts().get(0).get("finishedAt").asText());
    assertThat(run.attempt(), equalTo(2));
    assertThat(
        "the second attempt waited for the hint, not the 20 ms backoff",
        Duration.between(firstFailed, run.finishedAt()).toMillis(),
        greaterThanOrEqualTo(1400L));
  }
}
