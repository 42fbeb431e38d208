package dev.nightshift.engine.runtime.telemetry;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The engine's Micrometer meters, all tagged by task (or queue): {@code nightshift.runs.triggered},
 * {@code .started}, {@code .succeeded}, {@code .failed} (ended FAILED or TIMED_OUT), {@code
 * .retried} (attempts that failed and will run again); timers {@code nightshift.runs.start.latency}
 * (from due to started) and {@code nightshift.runs.duration} (one attempt, by outcome); gauges
 * {@code nightshift.queue.depth} and {@code nightshift.queue.executing}.
 */
@ApplicationScoped
public class RunMetrics {

  private final MeterRegistry registry;
  private final Map<String, AtomicLong> depths = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> executing = new ConcurrentHashMap<>();

  RunMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  public void triggered(String task, int count) {
    counter("nightshift.runs.triggered", task).increment(count);
  }

  public void started(String task, Duration latency) {
    counter("nightshift.runs.started", task).increment();
    Timer.builder("nightshift.runs.start.latency")
        .description("From when a run was due to when an attempt started")
        .tag("task", task)
        .publishPercentileHistogram()
        .register(registry)
        .record(latency);
  }

  /** One attempt ended: {@code outcome} is COMPLETED, QUEUED (a retry), FAILED or TIMED_OUT. */
  public void finished(String task, String outcome, Duration duration) {
    Timer.builder("nightshift.runs.duration")
        .description("How long one attempt ran")
        .tags("task", task, "outcome", outcome)
        .publishPercentileHistogram()
        .register(registry)
        .record(duration);
    switch (outcome) {
      case "COMPLETED" -> counter("nightshift.runs.succeeded", task).increment();
      case "QUEUED" -> counter("nightshift.runs.retried", task).increment();
      default -> counter("nightshift.runs.failed", task).increment();
    }
  }

  /** Sets the queued and executing counts of a queue, as last read from the database. */
  public void queue(String queue, long queued, long running) {
    depths.computeIfAbsent(queue, q -> gauge("nightshift.queue.depth", q)).set(queued);
    executing.computeIfAbsent(queue, q -> gauge("nightshift.queue.executing", q)).set(running);
  }

  private AtomicLong gauge(String name, String queue) {
    return registry.gauge(
        name,
        java.util.List.of(io.micrometer.core.instrument.Tag.of("queue", queue)),
        new AtomicLong());
  }

  private Counter counter(String name, String task) {
    return registry.counter(name, "task", task);
  }
}
