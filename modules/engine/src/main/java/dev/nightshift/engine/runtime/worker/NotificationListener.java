package dev.nightshift.engine.runtime.worker;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.UUID;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * Holds one connection that LISTENs for new runs ({@code nightshift_runs}) and cancellations
 * ({@code nightshift_cancel}). Notifications are only a shortcut: the dispatcher also polls, and
 * leases are renewed against the database, so a lost notification delays but never loses work.
 */
final class NotificationListener implements Runnable {

  private static final Logger LOG = Logger.getLogger(NotificationListener.class);
  private static final int WAIT_MILLIS = 500;

  private final DataSource dataSource;
  private final WakeSignal wake;
  private final Consumer<UUID> cancel;
  private volatile boolean stopping;

  NotificationListener(DataSource dataSource, WakeSignal wake, Consumer<UUID> cancel) {
    this.dataSource = dataSource;
    this.wake = wake;
    this.cancel = cancel;
  }

  void stop() {
    stopping = true;
  }

  @Override
  public void run() {
    Duration backoff = Duration.ofMillis(500);
    while (!stopping) {
      try (Connection connection = dataSource.getConnection()) {
        try (var listen = connection.createStatement()) {
          listen.execute("LISTEN nightshift_runs; LISTEN nightshift_cancel");
        }
        backoff = Duration.ofMillis(500);
        // A listen may have missed work queued while it was down.
        wake.signal();
        var pg = connection.unwrap(PGConnection.class);
        while (!stopping) {
          var notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications == null) {
            continue;
          }
          for (var notification : notifications) {
            if ("nightshift_cancel".equals(notification.getName())) {
              cancel.accept(UUID.fromString(notification.getParameter()));
            } else {
              wake.signal();
            }
          }
        }
        try (var unlisten = connection.createStatement()) {
          unlisten.execute("UNLISTEN *");
        }
      } catch (SQLException e) {
        if (!stopping) {
          LOG.warnf(
              "Notifications are interrupted, polling meanwhile; reconnecting in %s: %s",
              backoff, e.getMessage());
          sleep(backoff);
          backoff =
              backoff.multipliedBy(2).compareTo(Duration.ofSeconds(15)) > 0
                  ? Duration.ofSeconds(15)
                  : backoff.multipliedBy(2);
        }
      }
    }
  }

  private static void sleep(Duration duration) {
    try {
      Thread.sleep(duration);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
