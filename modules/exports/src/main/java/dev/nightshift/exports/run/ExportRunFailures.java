package dev.nightshift.exports.run;

import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import dev.nightshift.exports.export.ExportStore;
import dev.nightshift.platform.blob.Vault;
import io.smallrye.reactive.messaging.annotations.Blocking;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.util.UUID;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

/**
 * Ends an export whose run failed for good ({@code run.failed}: attempts used up, a non-retryable
 * error, or a worker lost on the last attempt): the export becomes FAILED with the run's error, and
 * what a crashed attempt left unfinished in the vault is discarded.
 */
@ApplicationScoped
class ExportRunFailures {

  static final String CHANNEL = "exports-events";

  private static final Logger LOG = Logger.getLogger(ExportRunFailures.class);

  private final ExportStore exports;
  private final Vault vault;

  ExportRunFailures(ExportStore exports, Vault vault) {
    this.exports = exports;
    this.vault = vault;
  }

  @Incoming(CHANNEL)
  @Blocking(ordered = false)
  void on(Event event) throws IOException {
    var payload = event.payload();
    if (!Events.RUN_FAILED.equals(event.name())
        || !ExportTransactionsTask.ID.equals(payload.path("task").asText())) {
      return;
    }
    var runId = UUID.fromString(payload.path("runId").asText());
    var export = exports.findByRun(runId).orElse(null);
    if (export == null) {
      return;
    }
    var error = payload.path("error").path("message").asText("The export's run failed.");
    if (exports.failed(export.id(), error)) {
      LOG.infof("Export %s failed: %s", export.id(), error);
      // Creating the path discards the unfinished writes a crashed attempt left there; closing the
      // new writer uncommitted leaves nothing.
      vault.create(export.archivePath()).close();
    }
  }
}
