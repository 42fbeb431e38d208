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
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's Micrometer meters, all tagged by task (or queue): {@code nightshift.runs.triggered},
 * {@code .started}, {@code .succeeded}, {@code .failed} (ended FAILED or TIMED_OUT), {@code
 * .retried} (attempts that failed and will run again); timers {@code nightshift.runs.start.latency}
 * (from due to started) and {@code nightshift.runs.duration} (one attempt, by outcome); gauges
 * {@code nightshift.queue.depth} and {@code nightshift.queue.executing}. Meters are looked up once
 * per task and kept: recording sits on the path of every run.
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
  }

  /**
   * One attempt ended: {@code outcome} is COMPLETED, QUEUED (a retry), FAILED, TIMED_OUT, CANCELED
   * or WAITING (suspended on a wait).
   */
  public void finished(String task, String outcome, Duration duration) {
    var meters = meters(task);
    meters.durations().computeIfAbsent(outcome, o -> durationTimer(task, o)).record(duration);
    switch (outcome) {
      case "COMPLETED" -> meters.succeeded().increment();
      case "QUEUED" -> meters.retried().increment();
      case "CANCELED", "WAITING" -> {
        // Neither a success nor a failure of the task.
      }
      default -> meters.failed().increment();
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
