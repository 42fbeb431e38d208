package dev.nightshift.engine.tasks;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What test tasks observed while running, for assertions that go beyond the database. */
public final class Probe {

  /** Attempts started per run. */
  public static final Map<UUID, AtomicInteger> ATTEMPTS = new ConcurrentHashMap<>();

  /** Attempts executing right now, and the most ever seen at once, per concurrency group. */
  public static final Map<String, AtomicInteger> RUNNING = new ConcurrentHashMap<>();

  public static final Map<String, AtomicInteger> MAX_RUNNING = new ConcurrentHashMap<>();

  /** Runs whose task saw the cancellation (interrupt or isCancelled). */
  public static final Map<UUID, Boolean> SAW_CANCEL = new ConcurrentHashMap<>();

  /** How often each step body ran, by a test's own step key. */
  public static final Map<String, AtomicInteger> STEPS = new ConcurrentHashMap<>();

  private Probe() {}

  static void step(String key) {
    STEPS.computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
  }

  public static int steps(String key) {
    var count = STEPS.get(key);
    return count == null ? 0 : count.get();
  }

  static int attempt(UUID run) {
    return ATTEMPTS.computeIfAbsent(run, r -> new AtomicInteger()).incrementAndGet();
  }

  static void enter(String group) {
    int now = RUNNING.computeIfAbsent(group, g -> new AtomicInteger()).incrementAndGet();
    MAX_RUNNING.computeIfAbsent(group, g -> new AtomicInteger()).accumulateAndGet(now, Math::max);
  }

  static void leave(String group) {
    RUNNING.get(group).decrementAndGet();
  }
}
