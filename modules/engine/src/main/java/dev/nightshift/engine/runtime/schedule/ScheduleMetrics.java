package dev.nightshift.engine.runtime.schedule;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;

/**
 * The schedules' Micrometer meters, tagged by task: {@code nightshift.schedules.fired} (fire times
 * that made a run) and {@code nightshift.schedules.skipped} (fire times passed without one: the
 * previous run still going under overlap {@code skip}, missed times under catch-up {@code skip}, a
 * task no longer deployed). Per schedule there are no meters, as there may be one per team; the
 * status of each is in {@code GET /api/v1/jobs/status}.
 */
@ApplicationScoped
class ScheduleMetrics {

  private final MeterRegistry registry;

  ScheduleMetrics(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Counts what one committed batch did, by task. */
  void record(Map<String, Integer> fired, Map<String, Integer> skipped) {
    fired.forEach(
        (task, n) -> registry.counter("nightshift.schedules.fired", "task", task).increment(n));
    skipped.forEach(
        (task, n) -> registry.counter("nightshift.schedules.skipped", "task", task).increment(n));
  }
}
