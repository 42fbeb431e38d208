package dev.nightshift.engine.runtime.store;

/**
 * What a queue lets execute at once across all nodes: {@code concurrencyLimit} runs per concurrency
 * key (runs without a key count as one more key) and {@code queueLimit} runs in all. 0 means no
 * limit.
 */
public record QueueLimits(int concurrencyLimit, int queueLimit) {

  /** For tasks that share a queue: each limit is the lowest either sets. */
  public QueueLimits strictest(QueueLimits other) {
    return new QueueLimits(
        stricter(concurrencyLimit, other.concurrencyLimit), stricter(queueLimit, other.queueLimit));
  }

  private static int stricter(int a, int b) {
    return a == 0 ? b : b == 0 ? a : Math.min(a, b);
  }
}
