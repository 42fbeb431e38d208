package dev.nightshift.engine.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.store.RunClock;
import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.runtime.worker.Drainer;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;

/**
 * Makes module tests of tasks short and deterministic. Inject it in a {@code @QuarkusTest} whose
 * configuration sets {@code nightshift.worker.enabled=false}, so that nothing runs in the
 * background:
 *
 * <pre>{@code
 * engine.trigger("transactions-sync", payload, TriggerOptions.defaults());
 * kit.drain();                                   // every due run has run, on this thread
 * kit.assertTriggered("transactions-sync", Map.of("teamId", team));
 * kit.advanceClock(Duration.ofHours(1));         // the hourly retry (or ctx.waitFor) is due now
 * }</pre>
 *
 * <p>Runs and triggers are real rows in the real database: the kit only decides when they run.
 */
@ApplicationScoped
public class EngineTestKit {

  private final Drainer drainer;
  private final RunReads reads;
  private final RunClock clock;
  private final ObjectMapper json;

  EngineTestKit(Drainer drainer, RunReads reads, RunClock clock, ObjectMapper json) {
    this.drainer = drainer;
    this.reads = reads;
    this.clock = clock;
    this.json = json;
  }

  /**
   * Executes every due run, and the runs those trigger, on the calling thread until none is due.
   * Returns how many attempts ran. Delayed runs and retries wait: see {@link #advanceClock}.
   */
  public int drain() {
    try {
      return drainer.drain();
    } catch (SQLException e) {
      throw new IllegalStateException("Could not drain the engine", e);
    }
  }

  /**
   * The newest run of {@code taskId} whose payload contains {@code payloadSubset} (JSON
   * containment: every given field has the given value); fails the test if there is none.
   */
  public RunView assertTriggered(String taskId, Object payloadSubset) {
    var wanted = json.valueToTree(payloadSubset);
    return triggered(taskId).stream()
        .filter(run -> contains(run.payload(), wanted))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "No run of '"
                        + taskId
                        + "' was triggered with a payload containing "
                        + wanted));
  }

  /** The runs of {@code taskId}, newest first (at most 200). */
  public List<RunView> triggered(String taskId) {
    return reads.list(new RunFilter(null, taskId, null, null, null, null, null, 200));
  }

  /**
   * Lets {@code duration} pass for the engine: delays, retries, TTLs, idempotency keys and durable
   * waits ({@link #drain} then resumes the waits that are over).
   */
  public void advanceClock(Duration duration) {
    try {
      clock.advance(duration);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not advance the clock", e);
    }
  }

  private static boolean contains(
      com.fasterxml.jackson.databind.JsonNode actual,
      com.fasterxml.jackson.databind.JsonNode wanted) {
    if (wanted.isObject()) {
      if (!actual.isObject()) {
        return false;
      }
      var fields = wanted.properties().iterator();
      while (fields.hasNext()) {
        var field = fields.next();
        if (!actual.has(field.getKey())
            || !contains(actual.get(field.getKey()), field.getValue())) {
          return false;
        }
      }
      return true;
    }
    return actual.equals(wanted);
  }
}
