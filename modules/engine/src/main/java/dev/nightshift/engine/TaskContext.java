package dev.nightshift.engine;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * What a running attempt knows about itself and how it reports back. One context per attempt, used
 * from the attempt's own thread.
 *
 * <p><b>Steps and waits.</b> A run that waits does not hold a worker: it stops, and when the wait
 * is over it runs again from the start. Finished steps and waits then return their stored results
 * at once, so the code between them must be deterministic and free of side effects outside steps:
 * read the clock, draw random numbers, call remote services and write to databases only inside a
 * {@link #step}. Steps are told apart by name (a name used again in the same run gets a running
 * number), waits by their order, so the sequence of steps and waits must not change between runs of
 * the same payload. A wait unwinds the task's stack with an {@link Error}: never catch {@code
 * Throwable} around one. docs/engine.md has the whole story.
 */
public interface TaskContext {

  UUID runId();

  String taskId();

  /** 1 for the first attempt. */
  int attempt();

  /**
   * The attempts this run may make, fixed when it was triggered: a failure at {@code attempt() ==
   * maxAttempts()} fails the run for good.
   */
  int maxAttempts();

  /** The team the run belongs to, when it was triggered for one. */
  Optional<UUID> teamId();

  /**
   * Records progress: stored on the run and streamed to its subscribers. Cheap to call often:
   * writes are coalesced.
   */
  void progress(long done, long total, String message);

  /** Merges entries into the run's metadata, stored and streamed like progress. */
  void metadata(Map<String, Object> entries);

  /**
   * True once the run was canceled. The attempt's thread is also interrupted, so blocking calls end
   * early; long loops should check this and return.
   */
  boolean isCancelled();

  /**
   * Runs {@code step} once per run and stores its result: a retried or resumed run gets the stored
   * result back without running it again. A step that throws is not stored; the attempt fails as
   * usual and the next one runs the step again.
   *
   * @param name unique within the run; a name used again gets a running number ({@code name#2})
   * @param resultType the result's type, to read a stored result back as JSON
   */
  <T> T step(String name, Class<T> resultType, StepFunction<T> step) throws Exception;

  /** A step without a result: runs once per run. */
  void step(String name, StepAction step) throws Exception;

  /** Suspends the run for {@code duration}, counted from the first time the run got here. */
  void waitFor(Duration duration);

  /** Suspends the run until {@code instant}; returns at once if it has passed. */
  void waitUntil(Instant instant);

  /**
   * Suspends the run until an event named {@code name} whose payload contains every field of {@code
   * filter} (JSON containment) is published for the run's team, or until {@code timeout} passes.
   * Events published before the run got here do not count.
   */
  <T> EventWait<T> waitForEvent(
      String name, Map<String, ?> filter, Duration timeout, Class<T> payloadType);

  /**
   * Triggers a child run and suspends this run until the child finished, however it ended. The
   * child belongs to this run's team unless the options name another; cancelling this run cancels
   * the child.
   */
  <R> ChildRun<R> triggerAndWait(
      String taskId, Object payload, TriggerOptions options, Class<R> outputType);

  /** Triggers many child runs of one task and suspends until all finished; results in order. */
  <R> List<ChildRun<R>> batchTriggerAndWait(
      String taskId, List<Engine.BatchItem> items, Class<R> outputType);
}
