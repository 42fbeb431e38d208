package dev.nightshift.engine.runtime.event;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.runtime.Backoff;
import dev.nightshift.engine.runtime.event.EventStore.Claimed;
import dev.nightshift.engine.runtime.event.EventStore.Outcome;
import dev.nightshift.engine.runtime.notify.PgNotifications;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Emitter;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

/**
 * Every node: claims committed, undelivered events in batches, sends each to the channel {@value
 * Events#CHANNEL} as JSON, and writes what the channel answers: an ack marks the event delivered, a
 * nack makes it due again after a doubling backoff. An event neither acked nor nacked within the
 * ack timeout is due again by itself (its claim set it so). At least once: an event is marked
 * delivered only after an ack, and a crash anywhere before that hands it over again.
 *
 * <p>Acks arrive on whatever thread the connector uses (a Vert.x event loop for brokers), so they
 * only queue an outcome; this relay's own thread writes them in batches.
 */
@ApplicationScoped
class EventRelay {

  private static final Logger LOG = Logger.getLogger(EventRelay.class);
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final EventStore store;
  private final EventsConfig config;
  private final PgNotifications notifications;
  private final Emitter<String> channel;
  private final ObjectMapper json;
  private final BlockingQueue<Boolean> wake = new ArrayBlockingQueue<>(1);
  private final BlockingQueue<Outcome> outcomes = new LinkedBlockingQueue<>();
  // Handed over and unanswered, with the time the claim stops holding them back.
  private final Map<UUID, Instant> inFlight = new ConcurrentHashMap<>();
  private volatile boolean stopping;
  private Thread thread;

  EventRelay(
      EventStore store,
      EventsConfig config,
      PgNotifications notifications,
      @Channel(Events.CHANNEL) @OnOverflow(OnOverflow.Strategy.UNBOUNDED_BUFFER)
          Emitter<String> channel,
      ObjectMapper json) {
    this.store = store;
    this.config = config;
    this.notifications = notifications;
    this.channel = channel;
    this.json = json;
  }

  void start(@Observes StartupEvent event) {
    notifications.subscribe(PgNotifications.EVENTS_PUBLISHED, payload -> wake(), this::wake);
    thread = Thread.ofPlatform().name("event-relay").daemon().start(this::relay);
  }

  void stop(@Observes ShutdownEvent event) throws InterruptedException {
    stopping = true;
    if (thread != null) {
      wake();
      thread.join(Duration.ofSeconds(5));
    }
  }

  private void wake() {
    wake.offer(Boolean.TRUE);
  }

  private void relay() {
    var backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));
    var unwritten = new ArrayList<Outcome>();
    while (!stopping) {
      try {
        outcomes.drainTo(unwritten);
        if (!unwritten.isEmpty()) {
          store.settle(unwritten);
          unwritten.clear();
        }
        var now = Instant.now();
        inFlight.values().removeIf(deadline -> deadline.isBefore(now));
        int room = Math.min(config.batch(), config.maxInFlight() - inFlight.size());
        int claimed = room > 0 ? handOver(store.claim(room, config.ackTimeout())) : 0;
        backoff.reset();
        if (claimed == 0 || claimed < room) {
          wake.poll(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS);
        }
      } catch (SQLException e) {
        LOG.warnf("Event relay paused, retrying in %s: %s", backoff.next(), e.getMessage());
        backoff.pause();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        LOG.error("Event relay failed; it goes on after a pause", e);
        backoff.pause();
      }
    }
    writeLast(unwritten);
  }

  private int handOver(List<Claimed> claimed) {
    for (var c : claimed) {
      var id = c.event().id();
      inFlight.put(id, Instant.now().plus(config.ackTimeout()));
      var message =
          Message.of(
              body(c),
              () -> answered(new Outcome(id, null, null)),
              reason -> answered(new Outcome(id, describe(reason), retryDelay(c.attempts()))));
      try {
        channel.send(message);
      } catch (RuntimeException e) {
        answered(new Outcome(id, describe(e), retryDelay(c.attempts())));
      }
    }
    return claimed.size();
  }

  private CompletionStage<Void> answered(Outcome outcome) {
    inFlight.remove(outcome.id());
    outcomes.add(outcome);
    wake();
    return DONE;
  }

  /** On shutdown: what was acked meanwhile is written, so it is not handed over again. */
  private void writeLast(List<Outcome> unwritten) {
    outcomes.drainTo(unwritten);
    if (unwritten.isEmpty()) {
      return;
    }
    try {
      store.settle(unwritten);
    } catch (SQLException e) {
      LOG.infof(
          "%d event outcomes not written; those events are handed over again", unwritten.size());
    }
  }

  private String body(Claimed claimed) {
    try {
      return json.writeValueAsString(claimed.event());
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  /** {@code retry-base × 2^(nacks so far − 1)}, at most {@code retry-max}. */
  private Duration retryDelay(int attempts) {
    var delay = config.retryBase().multipliedBy(1L << Math.min(attempts - 1, 30));
    return delay.compareTo(config.retryMax()) > 0 ? config.retryMax() : delay;
  }

  private static String describe(Throwable reason) {
    if (reason == null) {
      return "nacked";
    }
    var message = reason.getClass().getSimpleName() + ": " + reason.getMessage();
    return message.length() > 1000 ? message.substring(0, 1000) : message;
  }
}
