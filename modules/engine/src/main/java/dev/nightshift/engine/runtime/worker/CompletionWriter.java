package dev.nightshift.engine.runtime.worker;

import dev.nightshift.engine.runtime.Backoff;
import dev.nightshift.engine.runtime.store.Completion;
import dev.nightshift.engine.runtime.store.RunCompletions;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;
import org.jboss.logging.Logger;

/**
 * Writes attempt completions in batches on one thread: whatever finished while the previous
 * statement ran goes into the next one, so the write rate follows the load without a timer. Until a
 * completion is written its run keeps its lease, so a crash here means the attempt runs again
 * elsewhere (at least once), never that it is lost.
 */
final class CompletionWriter implements Runnable {

  private static final Logger LOG = Logger.getLogger(CompletionWriter.class);
  private static final int MAX_BATCH = 1000;
  private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

  private final BlockingQueue<Completion> queue = new LinkedBlockingQueue<>();
  private final RunCompletions store;
  private final String worker;
  private final Consumer<List<Completion>> written;
  private final Runnable beforeWrite;
  private volatile boolean stopping;

  /**
   * @param beforeWrite runs before each batch: progress reported just before an attempt ended must
   *     reach the run while it is still executing
   */
  CompletionWriter(
      RunCompletions store,
      String worker,
      Consumer<List<Completion>> written,
      Runnable beforeWrite) {
    this.store = store;
    this.worker = worker;
    this.written = written;
    this.beforeWrite = beforeWrite;
  }

  void submit(Completion completion) {
    queue.add(completion);
  }

  /** Writes what is queued, then ends the thread. */
  void stop() {
    stopping = true;
  }

  boolean isIdle() {
    return queue.isEmpty();
  }

  @Override
  public void run() {
    var batch = new ArrayList<Completion>(MAX_BATCH);
    var backoff = new Backoff(Duration.ofMillis(100), MAX_BACKOFF);
    while (!(stopping && queue.isEmpty() && batch.isEmpty())) {
      try {
        if (batch.isEmpty()) {
          var first = queue.poll(100, java.util.concurrent.TimeUnit.MILLISECONDS);
          if (first == null) {
            continue;
          }
          batch.add(first);
          queue.drainTo(batch, MAX_BATCH - 1);
        }
        beforeWrite.run();
        store.write(worker, batch);
        written.accept(List.copyOf(batch));
        batch.clear();
        backoff.reset();
      } catch (SQLException e) {
        LOG.warnf(
            "Could not write %d completions, retrying in %s: %s",
            batch.size(), backoff.next(), e.getMessage());
        backoff.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
