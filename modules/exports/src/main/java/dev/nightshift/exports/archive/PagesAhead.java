package dev.nightshift.exports.archive;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.contracts.transactions.TransactionPosition;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * An export's pages, read on a virtual thread up to {@code depth} pages ahead of the writer. Each
 * page starts after the previous one's last row, so only a reader that runs on by itself can read
 * more than one page ahead; with one page ahead the writer waited whenever a page took longer to
 * read than the one before took to write, and the two CPUs idled in turns.
 *
 * <p>Closing stops the reader after the page it is reading: never interrupted mid-query, its pooled
 * connection goes back whole.
 */
final class PagesAhead implements AutoCloseable {

  private static final long OFFER_MILLIS = 50;

  private sealed interface Item {}

  private record Page(List<ExportedTransaction> rows) implements Item {}

  private record Failed(Throwable error) implements Item {}

  private final BlockingQueue<Item> queue;
  private final Thread reader;
  private volatile boolean closed;

  /**
   * @param read the page after a position (null: the first page)
   * @param pageSize the rows a page holds unless it is the last
   */
  PagesAhead(
      Function<TransactionPosition, List<ExportedTransaction>> read, int pageSize, int depth) {
    this.queue = new ArrayBlockingQueue<>(depth);
    this.reader = Thread.ofVirtual().name("export-pages").start(() -> readAll(read, pageSize));
  }

  /** The next page; empty once every row was read. */
  List<ExportedTransaction> next() throws InterruptedException {
    return switch (queue.take()) {
      case Page page -> page.rows();
      case Failed failed -> throw rethrown(failed.error());
    };
  }

  /** The reader's failure, thrown on the writer's thread as it was thrown. */
  private static RuntimeException rethrown(Throwable error) {
    if (error instanceof Error fatal) {
      throw fatal;
    }
    return error instanceof RuntimeException runtime
        ? runtime
        : new IllegalStateException("Reading the export's pages failed", error);
  }

  @Override
  public void close() throws InterruptedException {
    closed = true;
    reader.join();
  }

  private void readAll(
      Function<TransactionPosition, List<ExportedTransaction>> read, int pageSize) {
    try {
      TransactionPosition after = null;
      while (!closed) {
        var rows = read.apply(after);
        if (!hand(new Page(rows)) || rows.isEmpty()) {
          return;
        }
        if (rows.size() < pageSize) {
          hand(new Page(List.of()));
          return;
        }
        var last = rows.getLast();
        after = new TransactionPosition(last.date(), last.id());
      }
    } catch (Throwable e) {
      hand(new Failed(e));
    }
  }

  /** Waits for room in the queue until the writer closes; false once it did. */
  private boolean hand(Item item) {
    try {
      while (!queue.offer(item, OFFER_MILLIS, TimeUnit.MILLISECONDS)) {
        if (closed) {
          return false;
        }
      }
      return true;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
