package dev.nightshift.engine.runtime.journal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.ChildRun;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.EventWait;
import dev.nightshift.engine.StepFunction;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.runtime.wait.Suspension;
import dev.nightshift.engine.runtime.wait.WaitSpec;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Function;

/**
 * The steps and waits of one attempt. The run's journal is read on the first step or wait, so runs
 * that use neither cost nothing. Steps are keyed by name (with a running number for repeats), waits
 * by their order: {@code wait#1}, {@code wait#2}, ...
 */
public final class RunJournal {

  private final UUID runId;
  private final int attempt;
  private final UUID teamId;
  private final JournalStore store;
  private final ObjectMapper json;
  private final ChildTrigger children;
  private final Runnable lost;
  private final Map<String, Integer> names = new HashMap<>();
  private Map<String, JournalEntry> entries;
  private int waits;
  private boolean inStep;

  /**
   * @param lost called when the attempt finds it no longer holds the run, before it is stopped
   */
  public RunJournal(
      UUID runId,
      int attempt,
      UUID teamId,
      JournalStore store,
      ObjectMapper json,
      ChildTrigger children,
      Runnable lost) {
    this.runId = runId;
    this.attempt = attempt;
    this.teamId = teamId;
    this.store = store;
    this.json = json;
    this.children = children;
    this.lost = lost;
  }

  public <T> T step(String name, Class<T> resultType, StepFunction<T> step) throws Exception {
    notInStep("a step");
    String key = stepKey(name);
    var done = entries().get(key);
    if (done != null) {
      return json.treeToValue(done.output(), resultType);
    }
    var started = Instant.now();
    T result;
    inStep = true;
    try {
      result = step.run();
    } finally {
      inStep = false;
    }
    String output = json.writeValueAsString(result);
    if (!store.recordStep(runId, attempt, key, output, started)) {
      lost.run();
      throw new CancellationException("Run " + runId + " is no longer executed by this attempt");
    }
    entries.put(
        key,
        new JournalEntry(
            key, "step", "COMPLETED", json.readTree(output), null, attempt, started, null));
    return result;
  }

  public void waitUntil(Instant until) {
    awaitTime(since -> until);
  }

  public void waitFor(Duration duration) {
    awaitTime(since -> since.plus(duration));
  }

  public <T> EventWait<T> waitForEvent(
      String name, Map<String, ?> filter, Duration timeout, Class<T> payloadType) {
    notInStep("a wait");
    String key = waitKey();
    var entry = entries().get(key);
    if (entry != null && isDone(entry)) {
      if (entry.output().path("timedOut").asBoolean()) {
        return new EventWait.TimedOut<>();
      }
      return new EventWait.Received<>(
          UUID.fromString(entry.output().get("eventId").asText()),
          convert(entry.output().get("payload"), payloadType));
    }
    var since = entry != null ? entry.startedAt() : Instant.now();
    var until = entry != null ? instant(entry.waitingFor().get("until")) : since.plus(timeout);
    throw new Suspension(
        WaitSpec.event(
            key, name, json.valueToTree(filter == null ? Map.of() : filter), until, since));
  }

  public <R> List<ChildRun<R>> triggerAndWait(
      String taskId, List<Engine.BatchItem> items, Class<R> outputType) {
    notInStep("a wait");
    String key = waitKey();
    var entry = entries().get(key);
    if (entry != null) {
      var ids = new ArrayList<UUID>();
      entry.waitingFor().get("children").forEach(id -> ids.add(UUID.fromString(id.asText())));
      if (isDone(entry)) {
        return store.children(ids).stream()
            .map(
                child ->
                    new ChildRun<>(
                        child.id(),
                        child.status(),
                        child.output() == null ? null : convert(child.output(), outputType),
                        child.error()))
            .toList();
      }
      throw new Suspension(WaitSpec.children(key, ids, entry.startedAt()));
    }
    var since = Instant.now();
    var ids = children.trigger(runId, taskId, childItems(key, items));
    throw new Suspension(WaitSpec.children(key, ids, since));
  }

  /**
   * Children are triggered before the run suspends: their idempotency keys make a replay that comes
   * here again (the attempt crashed in between) find the same children.
   */
  private List<Engine.BatchItem> childItems(String key, List<Engine.BatchItem> items) {
    var result = new ArrayList<Engine.BatchItem>(items.size());
    for (int i = 0; i < items.size(); i++) {
      var item = items.get(i);
      var options = item.options() == null ? TriggerOptions.defaults() : item.options();
      if (options.idempotencyKey() == null) {
        options = options.withIdempotencyKey(runId + ":" + key + ":" + i, null);
      }
      if (options.teamId() == null && teamId != null) {
        options = options.withTeam(teamId);
      }
      result.add(new Engine.BatchItem(item.payload(), options));
    }
    return result;
  }

  private void awaitTime(Function<Instant, Instant> untilFrom) {
    notInStep("a wait");
    String key = waitKey();
    var entry = entries().get(key);
    if (entry != null && isDone(entry)) {
      return;
    }
    if (entry != null) {
      throw new Suspension(
          WaitSpec.time(key, instant(entry.waitingFor().get("until")), entry.startedAt()));
    }
    var since = Instant.now();
    var until = untilFrom.apply(since);
    if (until.isAfter(since)) {
      throw new Suspension(WaitSpec.time(key, until, since));
    }
  }

  private String stepKey(String name) {
    if (name == null || name.isBlank() || name.contains("#")) {
      throw new IllegalArgumentException("A step needs a name without '#': " + name);
    }
    int seen = names.merge(name, 1, Integer::sum);
    return seen == 1 ? name : name + "#" + seen;
  }

  private String waitKey() {
    return "wait#" + ++waits;
  }

  private void notInStep(String what) {
    if (inStep) {
      throw new IllegalStateException("Cannot start " + what + " inside a step");
    }
  }

  private Map<String, JournalEntry> entries() {
    if (entries == null) {
      entries = store.byKey(runId);
    }
    return entries;
  }

  private <T> T convert(JsonNode node, Class<T> type) {
    try {
      return json.treeToValue(node, type);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(
          "The stored value does not fit " + type.getName() + ": " + e.getOriginalMessage(), e);
    }
  }

  private static boolean isDone(JournalEntry entry) {
    return !"WAITING".equals(entry.status());
  }

  private static Instant instant(JsonNode node) {
    return OffsetDateTime.parse(node.asText()).toInstant();
  }
}
