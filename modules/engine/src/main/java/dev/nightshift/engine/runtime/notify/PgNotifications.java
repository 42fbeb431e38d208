package dev.nightshift.engine.runtime.notify;

import dev.nightshift.engine.runtime.Backoff;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;

/**
 * This node's one LISTEN connection, shared by everything that reacts to PostgreSQL notifications:
 * new runs for the worker, cancellations, run updates for event streams, published events. When the
 * connection drops it reconnects with backoff, and tells every subscriber through its {@code
 * onReconnect} callback, since notifications sent meanwhile are lost.
 */
@ApplicationScoped
public class PgNotifications {

  private static final Logger LOG = Logger.getLogger(PgNotifications.class);
  private static final int WAIT_MILLIS = 250;

  /** New runs are due (payload: queue). */
  public static final String RUNS_DUE = "nightshift_runs";

  /** A run was canceled (payload: run id). */
  public static final String RUN_CANCELED = "nightshift_cancel";

  /** Runs changed state, progress or metadata (payload: run ids, comma-separated). */
  public static final String RUNS_CHANGED = "nightshift_run";

  /** Events were committed to the outbox (no payload). */
  public static final String EVENTS_PUBLISHED = "nightshift_events";

  // Listened to from the first connection on, whenever subscribers arrive.
  private static final List<String> CHANNELS =
      List.of(RUNS_DUE, RUN_CANCELED, RUNS_CHANGED, EVENTS_PUBLISHED);

  private record Subscription(Consumer<String> handler, Runnable onReconnect) {}

  private final Map<String, List<Subscription>> subscriptions = new ConcurrentHashMap<>();
  private final DataSource dataSource;
  private volatile boolean stopping;

  PgNotifications(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  /**
   * Calls {@code handler} with the payload of each notification on {@code channel}, on this hub's
   * thread: handlers must be quick or hand work off.
   */
  public void subscribe(String channel, Consumer<String> handler, Runnable onReconnect) {
    if (!CHANNELS.contains(channel)) {
      throw new IllegalArgumentException("Unknown channel " + channel);
    }
    subscriptions
        .computeIfAbsent(channel, c -> new CopyOnWriteArrayList<>())
        .add(new Subscription(handler, onReconnect));
  }

  void start(@Observes StartupEvent event) {
    Thread.ofPlatform().name("pg-notifications").daemon().start(this::listen);
  }

  void stop(@Observes ShutdownEvent event) {
    stopping = true;
  }

  private void listen() {
    var backoff = new Backoff(Duration.ofMillis(500), Duration.ofSeconds(15));
    while (!stopping) {
      try (Connection connection = dataSource.getConnection()) {
        try (var listen = connection.createStatement()) {
          for (var channel : CHANNELS) {
            listen.execute("LISTEN " + channel);
          }
        }
        backoff.reset();
        subscriptions.values().forEach(list -> list.forEach(s -> s.onReconnect().run()));
        var pg = connection.unwrap(PGConnection.class);
        while (!stopping) {
          var notifications = pg.getNotifications(WAIT_MILLIS);
          if (notifications != null) {
            for (var notification : notifications) {
              dispatch(notification.getName(), notification.getParameter());
            }
          }
        }
        try (var unlisten = connection.createStatement()) {
          unlisten.execute("UNLISTEN *");
        }
      } catch (SQLException e) {
        if (!stopping) {
          LOG.warnf(
              "Notifications interrupted, relying on polling; reconnecting in %s: %s",
              backoff.next(), e.getMessage());
          backoff.pause();
        }
      }
    }
  }

  private void dispatch(String channel, String payload) {
    for (var subscription : subscriptions.getOrDefault(channel, List.of())) {
      try {
        subscription.handler().accept(payload);
      } catch (RuntimeException e) {
        LOG.error("A notification handler failed on " + channel, e);
      }
    }
  }
}
