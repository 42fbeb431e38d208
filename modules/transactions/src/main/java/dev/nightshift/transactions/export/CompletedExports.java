package dev.nightshift.transactions.export;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import dev.nightshift.contracts.exports.ExportCompleted;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Event;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Each {@code export.completed} triggers one {@code transactions-mark-exported} run over the
 * export's selection, for the event's team. The run's idempotency key is the event's id, so an
 * event the relay hands over twice makes one run.
 */
@ApplicationScoped
class CompletedExports {

  static final String CHANNEL = "transactions-events";

  private static final Logger LOG = Logger.getLogger(CompletedExports.class);

  private final Engine engine;
  // Fields a newer exports module adds must not make this one refuse the event.
  private final ObjectReader reader;

  CompletedExports(Engine engine, ObjectMapper json) {
    this.engine = engine;
    this.reader =
        json.readerFor(ExportCompleted.class)
            .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = false)
  void on(Event event) {
    if (!ExportCompleted.NAME.equals(event.name()) || event.teamId() == null) {
      return;
    }
    var team = event.teamId();
    ExportCompleted completed;
    try {
      completed = reader.readValue(event.payload());
    } catch (IOException e) {
      completed = null;
    }
    // Throwing would nack the event, and it would come back forever: a payload that cannot be
    // read, or that names another team, is logged and left.
    if (completed == null
        || completed.exportId() == null
        || completed.selection() == null
        || (completed.teamId() != null && !completed.teamId().equals(team))) {
      LOG.errorf(
          "Event %s (%s) of team %s is not a completed export of that team: nothing is marked",
          event.id(), event.name(), team);
      return;
    }
    engine.trigger(
        MarkExportedTask.ID,
        new MarkExportedTask.Payload(
            team, completed.exportId(), completed.selection(), event.occurredAt()),
        MarkExportedTask.options(team).withIdempotencyKey(event.idempotencyKey(), null));
  }
}
