package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.ChildRun;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.EventWait;
import dev.nightshift.engine.StepAction;
import dev.nightshift.engine.StepFunction;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.runtime.journal.RunJournal;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.wait.Suspension;
import dev.nightshift.engine.runtime.wait.WaitSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CancellationException;
import java.util.function.Supplier;

/**
 * The {@link TaskContext} of one attempt; progress and metadata go through the reporter, steps and
 * waits through the run's journal. A wait is remembered when it suspends, so that a task that
 * swallows the suspension still ends up waiting.
 */
final class ExecutionContext implements TaskContext {

  private final ClaimedRun run;
  private final ProgressReporter reporter;
  private final RunJournal journal;
  private volatile boolean cancelled;
  private volatile WaitSpec suspendedOn;

  ExecutionContext(ClaimedRun run, ExecutionTools tools) {
    this.run = run;
    this.reporter = tools.reporter();
    this.journal =
        new RunJournal(
            run.id(),
            run.attempt(),
            run.teamId(),
            tools.journal(),
            tools.json(),
            tools.children(),
            this::markCancelled);
  }

  @Override
  public UUID runId() {
    return run.id();
  }

  @Override
  public String taskId() {
    return run.taskId();
  }

  @Override
  public int attempt() {
    return run.attempt();
  }

  @Override
  public int maxAttempts() {
    return run.maxAttempts();
  }

  @Override
  public Optional<UUID> teamId() {
    return Optional.ofNullable(run.teamId());
  }

  @Override
  public void progress(long done, long total, String message) {
    reporter.progress(run.id(), done, total, message);
  }

  @Override
  public void metadata(Map<String, Object> entries) {
    reporter.metadata(run.id(), entries);
  }

  @Override
  public boolean isCancelled() {
    return cancelled;
  }

  @Override
  public <T> T step(String name, Class<T> resultType, StepFunction<T> step) throws Exception {
    notCancelled();
    return journal.step(name, resultType, step);
  }

  @Override
  public void step(String name, StepAction step) throws Exception {
    notCancelled();
    journal.step(
        name,
        Void.class,
        () -> {
          step.run();
          return null;
        });
  }

  @Override
  public void waitFor(Duration duration) {
    suspending(
        () -> {
          journal.waitFor(duration);
          return null;
        });
  }

  @Override
  public void waitUntil(Instant instant) {
    suspending(
        () -> {
          journal.waitUntil(instant);
          return null;
        });
  }

  @Override
  public <T> EventWait<T> waitForEvent(
      String name, Map<String, ?> filter, Duration timeout, Class<T> payloadType) {
    if (name == null || name.isBlank() || timeout == null || timeout.isNegative()) {
      throw new IllegalArgumentException("waitForEvent needs an event name and a timeout");
    }
    return suspending(() -> journal.waitForEvent(name, filter, timeout, payloadType));
  }

  @Override
  public <R> ChildRun<R> triggerAndWait(
      String taskId, Object payload, TriggerOptions options, Class<R> outputType) {
    return batchTriggerAndWait(taskId, List.of(new Engine.BatchItem(payload, options)), outputType)
        .getFirst();
  }

  @Override
  public <R> List<ChildRun<R>> batchTriggerAndWait(
      String taskId, List<Engine.BatchItem> items, Class<R> outputType) {
    if (items.isEmpty()) {
      return List.of();
    }
    return suspending(() -> journal.triggerAndWait(taskId, items, outputType));
  }

  /** The wait this attempt suspended on, if it did. */
  WaitSpec suspendedOn() {
    return suspendedOn;
  }

  void markCancelled() {
    cancelled = true;
  }

  private <T> T suspending(Supplier<T> wait) {
    notCancelled();
    try {
      return wait.get();
    } catch (Suspension suspension) {
      suspendedOn = suspension.waitSpec();
      throw suspension;
    }
  }

  private void notCancelled() {
    if (cancelled) {
      throw new CancellationException("Run " + run.id() + " was canceled");
    }
  }
}
