package dev.nightshift.webhooks.delivery;

import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Turns each team event into its deliveries, on the module's own channel. An event the relay hands
 * over twice makes no second delivery (deliveries are unique per event and subscription). Events
 * come unordered, so they are handled concurrently, on a worker pool of their own ({@code
 * webhooks-fan-out}, 4 at a time). The lifecycle events of the module's own runs are not delivered:
 * each would make another delivery run.
 */
@ApplicationScoped
class EventFanOut {

  static final String CHANNEL = "webhooks-events";

  private final Deliveries deliveries;

  EventFanOut(Deliveries deliveries) {
    this.deliveries = deliveries;
  }

  @Incoming(CHANNEL)
  @Blocking(value = "webhooks-fan-out", ordered = false)
  void on(Event event) {
    if (event.teamId() != null && !ofOwnRun(event)) {
      deliveries.fanOut(event);
    }
  }

  private static boolean ofOwnRun(Event event) {
    return (event.name().equals(Events.RUN_COMPLETED) || event.name().equals(Events.RUN_FAILED))
        && DeliverTask.ID.equals(event.payload().path("task").asText());
  }
}
