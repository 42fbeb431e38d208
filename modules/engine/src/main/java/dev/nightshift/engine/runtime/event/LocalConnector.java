package dev.nightshift.engine.runtime.event;

import static io.smallrye.reactive.messaging.annotations.ConnectorAttribute.Direction.INCOMING_AND_OUTGOING;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import io.smallrye.mutiny.subscription.BackPressureStrategy;
import io.smallrye.mutiny.subscription.MultiEmitter;
import io.smallrye.reactive.messaging.annotations.ConnectorAttribute;
import io.smallrye.reactive.messaging.connector.InboundConnector;
import io.smallrye.reactive.messaging.connector.OutboundConnector;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Flow;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.spi.Connector;
import org.jboss.logging.Logger;

/**
 * The in-process connector {@value #NAME}, the default for events: what an outgoing channel sends
 * to an address reaches every incoming channel of this node on that address, each on a worker
 * thread, and the sent message is acknowledged once every copy is, or nacked as soon as one copy
 * is. An address without incoming channels acknowledges at once: nobody is listening.
 *
 * <p>SmallRye's own in-memory connector is a test double (its sink only records messages), and
 * wiring an emitter to {@code @Incoming} methods by a shared channel name leaves no place for a
 * broker and acknowledges a broadcast message once per consumer. With this connector the channels
 * are separate, so giving them the RabbitMQ or Kafka connector instead is configuration only.
 */
@ApplicationScoped
@Connector(LocalConnector.NAME)
@ConnectorAttribute(
    name = "address",
    type = "string",
    direction = INCOMING_AND_OUTGOING,
    description = "Outgoing channels send to, and incoming channels receive from, this address",
    defaultValue = LocalConnector.DEFAULT_ADDRESS)
public class LocalConnector implements InboundConnector, OutboundConnector {

  public static final String NAME = "nightshift-local";
  static final String DEFAULT_ADDRESS = "nightshift-events";

  private static final Logger LOG = Logger.getLogger(LocalConnector.class);
  private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);

  private final Map<String, List<MultiEmitter<? super Message<?>>>> receivers =
      new ConcurrentHashMap<>();

  @Override
  public Flow.Publisher<? extends Message<?>> getPublisher(Config config) {
    var list = receivers(address(config));
    return Multi.createFrom()
        .<Message<?>>emitter(
            emitter -> {
              list.add(emitter);
              emitter.onTermination(() -> list.remove(emitter));
            },
            BackPressureStrategy.BUFFER)
        // Consumers run off the sender's thread, so a slow one does not hold up the others.
        .emitOn(Infrastructure.getDefaultWorkerPool());
  }

  @Override
  public Flow.Subscriber<? extends Message<?>> getSubscriber(Config config) {
    var targets = receivers(address(config));
    return new Flow.Subscriber<Message<?>>() {
      @Override
      public void onSubscribe(Flow.Subscription subscription) {
        subscription.request(Long.MAX_VALUE);
      }

      @Override
      public void onNext(Message<?> message) {
        fanOut(List.copyOf(targets), message);
      }

      @Override
      public void onError(Throwable failure) {
        LOG.error("An outgoing channel of " + NAME + " failed", failure);
      }

      @Override
      public void onComplete() {}
    };
  }

  private List<MultiEmitter<? super Message<?>>> receivers(String address) {
    return receivers.computeIfAbsent(address, a -> new CopyOnWriteArrayList<>());
  }

  private static String address(Config config) {
    return config.getOptionalValue("address", String.class).orElse(DEFAULT_ADDRESS);
  }

  private static void fanOut(List<MultiEmitter<? super Message<?>>> targets, Message<?> message) {
    if (targets.isEmpty()) {
      message.ack();
      return;
    }
    var unacked = new AtomicInteger(targets.size());
    var settled = new AtomicBoolean();
    for (var target : targets) {
      var answered = new AtomicBoolean();
      target.emit(
          Message.of(
              message.getPayload(),
              message.getMetadata(),
              () -> {
                boolean last =
                    answered.compareAndSet(false, true) && unacked.decrementAndGet() == 0;
                return last && settled.compareAndSet(false, true) ? message.ack() : DONE;
              },
              reason ->
                  answered.compareAndSet(false, true) && settled.compareAndSet(false, true)
                      ? message.nack(reason)
                      : DONE));
    }
  }
}
