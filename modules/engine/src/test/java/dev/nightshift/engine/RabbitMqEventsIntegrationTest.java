package dev.nightshift.engine;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.engine.consumers.Deliveries;
import dev.nightshift.engine.consumers.ScriptedConsumer;
import dev.nightshift.engine.consumers.TriggeringConsumer;
import dev.nightshift.engine.runtime.event.EventStore;
import dev.nightshift.engine.runtime.event.EventView;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The same relay and consumers as {@link EventsIntegrationTest}, over the local RabbitMQ
 * (127.0.0.1:5672, guest/guest): only the channels' configuration differs. With a broker, the
 * outbox's part ends when the broker confirms the publish; a consumer's nack is redelivered by the
 * broker from that consumer's own queue.
 */
@QuarkusTest
@TestProfile(RabbitMqEventsIntegrationTest.OverRabbitMq.class)
@WithTestResource(PostgresTestResource.class)
class RabbitMqEventsIntegrationTest {

  /** Channels on RabbitMQ: a fanout exchange, one queue per consumer. */
  public static class OverRabbitMq implements QuarkusTestProfile {

    // A fresh exchange per run, so nothing left over from an earlier run is consumed.
    private static final String EXCHANGE = "nightshift-events-test-" + UUID.randomUUID();

    @Override
    public Map<String, String> getConfigOverrides() {
      var config = new HashMap<String, String>();
      config.put("rabbitmq-host", "127.0.0.1");
      config.put("rabbitmq-port", "5672");
      config.put("rabbitmq-username", "guest");
      config.put("rabbitmq-password", "guest");
      // A broker's confirm can take longer than the in-process ack on a busy machine: without
      // room, the relay hands an event over twice (allowed, but it muddles what is asserted).
      config.put("nightshift.events.ack-timeout", "30s");
      var out = "mp.messaging.outgoing." + Events.CHANNEL + ".";
      config.put(out + "connector", "smallrye-rabbitmq");
      config.put(out + "exchange.name", EXCHANGE);
      config.put(out + "exchange.type", "fanout");
      config.put(out + "exchange.auto-delete", "true");
      config.put(out + "publish-confirms", "true");
      for (var consumer : List.of("test-events-a", "test-events-b")) {
        var in = "mp.messaging.incoming." + consumer + ".";
        config.put(in + "connector", "smallrye-rabbitmq");
        config.put(in + "exchange.name", EXCHANGE);
        config.put(in + "exchange.type", "fanout");
        config.put(in + "exchange.auto-delete", "true");
        config.put(in + "queue.name", EXCHANGE + "." + consumer);
        config.put(in + "queue.auto-delete", "true");
        config.put(in + "failure-strategy", "requeue");
      }
      return config;
    }
  }

  @Inject Events events;
  @Inject EventStore store;

  @Test
  void anEventGoesThroughTheBrokerToEveryConsumerAndIsMarkedDelivered() {
    var id = events.publish("invoice.received", UUID.randomUUID(), Map.of("amount", 7));

    var delivered = awaitDelivered(id);
    assertThat(delivered.attempts(), equalTo(1));
    awaitAnswers(TriggeringConsumer.NAME, id, List.of("ack"));
    awaitAnswers(ScriptedConsumer.NAME, id, List.of("ack"));
  }

  @Test
  void aConsumersNackIsRedeliveredByTheBroker() {
    var id = events.publish("invoice.flaky", null, Map.of("b", "nack-once"));

    // The outbox handed it over once: the second delivery to "b" came from its queue.
    assertThat(awaitDelivered(id).attempts(), equalTo(1));
    awaitAnswers(ScriptedConsumer.NAME, id, List.of("nack", "ack"));
    // The other consumer's queue is its own: it got the event once.
    awaitAnswers(TriggeringConsumer.NAME, id, List.of("ack"));
  }

  private EventView awaitDelivered(UUID id) {
    return await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(25))
        .until(() -> store.find(id).orElse(null), e -> e != null && e.deliveredAt() != null);
  }

  private static void awaitAnswers(String consumer, UUID id, List<String> answers) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> Deliveries.of(consumer, id), equalTo(answers));
  }
}
