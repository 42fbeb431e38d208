package dev.nightshift.engine.runtime.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Event;
import io.smallrye.reactive.messaging.MessageConverter;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Type;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.reactive.messaging.Message;

/**
 * Reads the relay's JSON into an {@link Event} for consumers that take one, whatever form the
 * connector delivers it in: a string in-process or from Kafka, bytes, a buffer or a JSON object
 * from RabbitMQ.
 */
@ApplicationScoped
public class EventConverter implements MessageConverter {

  private final ObjectMapper json;

  EventConverter(ObjectMapper json) {
    this.json = json;
  }

  @Override
  public boolean canConvert(Message<?> in, Type target) {
    var payload = in.getPayload();
    return target == Event.class
        && (payload instanceof String
            || payload instanceof byte[]
            || payload instanceof Buffer
            || payload instanceof io.vertx.mutiny.core.buffer.Buffer
            || payload instanceof JsonObject);
  }

  @Override
  public Message<?> convert(Message<?> in, Type target) {
    return in.withPayload(read(in.getPayload()));
  }

  private Event read(Object payload) {
    try {
      return switch (payload) {
        case byte[] bytes -> json.readValue(bytes, Event.class);
        case String text -> json.readValue(text, Event.class);
        default -> json.readValue(payload.toString().getBytes(StandardCharsets.UTF_8), Event.class);
      };
    } catch (IOException e) {
      throw new UncheckedIOException("Not an event: " + e.getMessage(), e);
    }
  }
}
