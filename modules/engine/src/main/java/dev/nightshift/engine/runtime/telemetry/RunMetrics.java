package dev.nightshift.engine.runtime.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tag;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's Micrometer meters, all tagged by task (or queue): {@code nightshift.runs.triggered},
 * {@code .started}, {@code .succeeded}, {@code .failed} (ended FAILED or TIMED_OUT), {@code
 * .retried} (attempts that failed and will run again); timers {@code nightshift.runs.start.latency}
 * (from due to started), {@code nightshift.runs.duration} (one attempt, by outcome) and {@code
 * nightshift.runs.execution.duration} (a whole run, from its first start to its end, counted once
 * per run that ended COMPLETED, FAILED or TIMED_OUT: the executions of {@code
 * /api/v1/jobs/metrics}); gauges {@code nightshift.runs.executing} (attempts executing on this
 * node), {@code nightshift.queue.depth} and {@code nightshift.queue.executing}. Meters are looked
 * up once per task and kept: recording sits on the path of every run.
 */
@ApplicationScoped
public class RunMetrics {

  private record TaskMeters(
      Counter triggered,
      Counter started,
      Counter succeeded,
      Counter failed,
      Counter retried,
      Timer startLatency,
      Timer execution,
      AtomicInteger executing,
      Map<String, Timer> durations) {}

  private final MeterRegistry registry;
  private final Map<String, TaskMeters> tasks = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> executing = new ConcurrentHashMap<>();

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void triggered(String task, int count) {
    meters(task).triggered().increment(count);
  }

  public void started(String task, Duration latency) {
    var meters = meters(task);
    meters.started().increment();
    meters.startLatency().record(latency);
    meters.executing().incrementAndGet();
  }

  /**
   * One attempt ended, after {@code attempt}: {@code outcome} is COMPLETED, QUEUED (a retry),
   * FAILED, TIMED_OUT, CANCELED or WAITING (suspended). {@code run} is the time since the run's
   * first attempt started, recorded when the run ended with an outcome of the task.
   */
  public void finished(String task, String outcome, Duration attempt, Duration run) {
    var meters = meters(task);
    meters.executing().decrementAndGet();
    meters.durations().computeIfAbsent(outcome, o -> durationTimer(task, o)).record(attempt);
    switch (outcome) {
      case "COMPLETED" -> {
        meters.succeeded().increment();
        meters.execution().record(run);
      }
      case "FAILED", "TIMED_OUT" -> {
        meters.failed().increment();
        meters.execution().record(run);
      }
      case "QUEUED" -> meters.retried().increment();
      default -> {
        // CANCELED, WAITING: neither a success nor a failure of the task.
      }
    }
  }

  /** Sets the queued and executing counts of a queue, as last read from the database. */
  public void queue(String queue, long queued, long running) {
    depths.computeIfAbsent(queue, q -> gauge("nightshift.queue.depth", q)).set(queued);
    executing.computeIfAbsent(queue, q -> gauge("nightshift.queue.executing", q)).set(running);
  }

  private TaskMeters meters(String task) {
    return tasks.computeIfAbsent(
        task,
        t ->
            new TaskMeters(
                registry.counter("nightshift.runs.triggered", "task", t),
                registry.counter("nightshift.runs.started", "task", t),
                registry.counter("nightshift.runs.succeeded", "task", t),
                registry.counter("nightshift.runs.failed", "task", t),
                registry.counter("nightshift.runs.retried", "task", t),
                Timer.builder("nightshift.runs.start.latency")
                    .description("From when a run was due to when an attempt started")
                    .tag("task", t)
                    .publishPercentileHistogram()
                    .register(registry),
                Timer.builder("nightshift.runs.execution.duration")
                    .description(
                        "From a run's first start to its end, for runs that ended COMPLETED,"
                            + " FAILED or TIMED_OUT")
                    .tag("task", t)
                    .publishPercentiles(0.95)
                    .publishPercentileHistogram()
                    .register(registry),
                registry.gauge(
                    "nightshift.runs.executing", List.of(Tag.of("task", t)), new AtomicInteger()),
                new ConcurrentHashMap<>()));
  }

  private Timer durationTimer(String task, String outcome) {
    return Timer.builder("nightshift.runs.duration")
        .description("How long one attempt ran")
        .tags("task", task, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry);
  }

  private AtomicLong gauge(String name, String queue) {
    return registry.gauge(name, List.of(Tag.of("queue", queue)), new AtomicLong());
  }
}
