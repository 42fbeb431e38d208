package dev.nightshift.engine.consumers;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.tasks.EchoTask;
import io.smallrye.common.annotation.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.reactive.messaging.Incoming;

/**
 * Consumer "a", written as modules should: takes the {@link Event}, acks by returning, and for an
 * event whose payload asks for it triggers a run keyed by the event, so a redelivery makes no
 * second run.
 */
@ApplicationScoped
public class TriggeringConsumer {

  public static final String NAME = "a";

  private final Engine engine;

  TriggeringConsumer(Engine engine) {
    this.engine = engine;
  }

  @Incoming("test-events-a")
  @Blocking
  void on(Event event) {
    if (event.payload().path("trigger").asBoolean()) {
      engine.trigger(
          "echo",
          new EchoTask.Payload(event.id().toString()),
          TriggerOptions.defaults()
              .withTeam(event.teamId())
              .withIdempotencyKey(event.idempotencyKey(), null));
    }
    Deliveries.record(NAME, event.id(), "ack");
  }
}
