package dev.nightshift.engine.consumers;

import dev.nightshift.engine.Event;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Consumer "b", acknowledging by hand as the event's payload field {@code b} says: {@code
 * nack-once} nacks the first delivery, {@code silent-once} answers the first delivery never;
 * anything else is acked.
 */
@ApplicationScoped
public class ScriptedConsumer {

  public static final String NAME = "b";

  @Incoming("test-events-b")
  CompletionStage<Void> on(Message<Event> message) {
    var event = message.getPayload();
    boolean first = Deliveries.of(NAME, event.id()).isEmpty();
    switch (first ? event.payload().path("b").asText() : "ack") {
      case "nack-once" -> {
        Deliveries.record(NAME, event.id(), "nack");
        return message.nack(new IllegalStateException("not now"));
      }
      case "silent-once" -> {
        Deliveries.record(NAME, event.id(), "silent");
        return CompletableFuture.completedFuture(null);
      }
      default -> {
        Deliveries.record(NAME, event.id(), "ack");
        return message.ack();
      }
    }
  }
}
