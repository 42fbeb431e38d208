package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.RetryLaterException;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.store.ClaimedRun;
import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.task.RegisteredTask;
import dev.nightshift.engine.runtime.telemetry.RunTracing;
import dev.nightshift.engine.runtime.wait.Suspension;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Future;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * One attempt of one run, on its own virtual thread: runs the task inside a span that continues the
 * trigger's trace, and turns the way it ended into a {@link Completion}. Cancellation and the
 * max-duration timer interrupt its thread.
 */
final class Execution implements Runnable {

  /** Longest stack trace kept per attempt, in characters. */
  private static final int MAX_STACK_TRACE = 16_000;

  private final ClaimedRun run;
  private final RegisteredTask task;
  private final ExecutionTools tools;
  private final ExecutionContext context;
  private final Consumer<Completion> completions;
  private final Runnable released;
  private volatile Thread thread;
  private volatile boolean timedOut;
  private volatile Future<?> timeout;
  private volatile Completion written;

  Execution(
      ClaimedRun run,
      RegisteredTask task,
      ExecutionTools tools,
      Consumer<Completion> completions,
      Runnable released) {
    this.run = run;
    this.task = task;
    this.tools = tools;
    this.context = new ExecutionContext(run, tools);
    this.completions = completions;
    this.released = released;
  }

  ClaimedRun claimed() {
    return run;
  }

  Duration maxDuration() {
    return task.settings().maxDuration();
  }

  /** The max-duration timer of this attempt, cancelled when the attempt ends. */
  void guardedBy(Future<?> timer) {
    this.timeout = timer;
  }

  @Override
  public void run() {
    thread = Thread.currentThread();
    var started = Instant.now();
    tools.metrics().started(task.id(), positive(Duration.between(run.runAt(), started)));
    var span = tools.tracing().startAttempt(task.id(), run.id(), run.attempt(), run.traceParent());
    Completion completion;
    Throwable failure = null;
    try (var scope = span.makeCurrent()) {
      Object payload = tools.json().readValue(run.payload(), task.payloadType());
      Object result = task.bean().run(payload, context);
      // A task that swallows the timeout's interrupt still ran too long; one that swallows a
      // wait's suspension still waits.
      if (timedOut) {
        completion = timedOutCompletion(started);
      } else if (context.suspendedOn() != null) {
        completion = Completion.suspended(run.id(), run.attempt(), context.suspendedOn());
      } else {
        completion =
            new Completion(
                run.id(),
                run.attempt(),
                RunStatus.COMPLETED,
                tools.json().writeValueAsString(result),
                null,
                null,
                null);
      }
    } catch (Suspension suspension) {
      completion =
          timedOut
              ? timedOutCompletion(started)
              : Completion.suspended(run.id(), run.attempt(), suspension.waitSpec());
    } catch (Throwable e) {
      failure = e;
      completion = failed(e, started);
    } finally {
      thread = null;
      Thread.interrupted();
      // An uncancelled timer would keep this attempt in memory until max duration passed.
      var timer = timeout;
      if (timer != null) {
        timer.cancel(false);
      }
    }
    String outcome = context.isCancelled() ? "CANCELED" : completion.status().name();
    RunTracing.endAttempt(span, outcome, failure);
    var ended = Instant.now();
    tools
        .metrics()
        .finished(
            task.id(),
            outcome,
            Duration.between(started, ended),
            positive(Duration.between(run.startedAt(), ended)));
    if (context.isCancelled()) {
      // Canceled in the database already (or taken over by another worker): nothing to write.
      released.run();
    } else {
      written = completion;
      completions.accept(completion);
    }
  }

  /** True once this attempt handed {@code completion} to be written. */
  boolean endedWith(Completion completion) {
    return written == completion;
  }

  /** The run was canceled or its lease lost: stop the task and write nothing. */
  void cancel() {
    context.markCancelled();
    interrupt();
  }

  /** The attempt ran past the task's max duration. */
  void timeOut() {
    timedOut = true;
    interrupt();
  }

  private void interrupt() {
    var running = thread;
    if (running != null) {
      running.interrupt();
    }
  }

  private Completion failed(Throwable e, Instant started) {
    if (timedOut) {
      return timedOutCompletion(started);
    }
    String error = error(e, started);
    boolean attemptsLeft = run.attempt() < run.maxAttempts();
    if (e instanceof NonRetryableException || !attemptsLeft) {
      return completion(RunStatus.FAILED, null, error);
    }
    Duration delay =
        e instanceof RetryLaterException later && later.retryAfter() != null
            ? later.retryAfter()
            : task.settings().backoffBefore(run.attempt() + 1);
    return completion(RunStatus.QUEUED, Instant.now().plus(delay), error);
  }

  private Completion timedOutCompletion(Instant started) {
    var timeout =
        new TimeoutException(
            "The attempt ran longer than the task's max duration of "
                + task.settings().maxDuration());
    return completion(RunStatus.TIMED_OUT, null, error(timeout, started));
  }

  private Completion completion(RunStatus status, Instant retryAt, String error) {
    return new Completion(run.id(), run.attempt(), status, null, retryAt, error, null);
  }

  private String error(Throwable e, Instant started) {
    var trace = new StringWriter();
    e.printStackTrace(new PrintWriter(trace));
    String stackTrace = trace.toString();
    if (stackTrace.length() > MAX_STACK_TRACE) {
      stackTrace = stackTrace.substring(0, MAX_STACK_TRACE) + "\n\t... (truncated)";
    }
    return tools
        .json()
        .createObjectNode()
        .put("attempt", run.attempt())
        .put("startedAt", started.toString())
        .put("finishedAt", Instant.now().toString())
        .put("type", e.getClass().getName())
        .put("message", e.getMessage())
        .put("stackTrace", stackTrace)
        .toString();
  }

  private static Duration positive(Duration duration) {
    return duration.isNegative() ? Duration.ZERO : duration;
  }
}
