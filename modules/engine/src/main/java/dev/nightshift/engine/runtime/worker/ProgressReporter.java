package dev.nightshift.engine.runtime.worker;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.runtime.store.RunProgress;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;
import org.jboss.logging.Logger;

/**
 * Coalesces progress and metadata reports: a task may report thousands of times a second, the
 * database sees the latest state of each run once per flush.
 */
@ApplicationScoped
class ProgressReporter {

  private static final Logger LOG = Logger.getLogger(ProgressReporter.class);

  private record Pending(String progress, Map<String, Object> metadata) {}

  private final Map<UUID, Pending> pending = new ConcurrentHashMap<>();
  // One flush at a time: the flush before a completion must not pass a timer's flush that took a
  // run's last report but has not written it, or that write lands after the run finished and is
  // dropped.
  private final ReentrantLock flushing = new ReentrantLock();
  private final RunProgress store;
  private final ObjectMapper json;

  ProgressReporter(RunProgress store, ObjectMapper json) {
    this.store = store;
    this.json = json;
  }

  void progress(UUID run, long done, long total, String message) {
    var value =
        json.createObjectNode().put("done", done).put("total", total).put("message", message);
    pending.merge(
        run,
        new Pending(value.toString(), Map.of()),
        (old, now) -> new Pending(now.progress(), old.metadata()));
  }

  void metadata(UUID run, Map<String, Object> entries) {
    pending.merge(
        run,
        new Pending(null, Map.copyOf(entries)),
        (old, now) -> {
          var merged = new LinkedHashMap<>(old.metadata());
          merged.putAll(now.metadata());
          return new Pending(old.progress(), merged);
        });
  }

  /** Writes what was reported since the last flush; on failure it is kept for the next one. */
  void flush() {
    flushing.lock();
    try {
      flushPending();
    } finally {
      flushing.unlock();
    }
  }

  private void flushPending() {
    if (pending.isEmpty()) {
      return;
    }
    var updates = new ArrayList<RunProgress.Update>();
    var taken = new ArrayList<Map.Entry<UUID, Pending>>();
    for (var run : pending.keySet()) {
      var value = pending.remove(run);
      if (value != null) {
        taken.add(Map.entry(run, value));
        updates.add(new RunProgress.Update(run, value.progress(), metadataJson(value.metadata())));
      }
    }
    try {
      store.write(updates);
    } catch (SQLException e) {
      LOG.warnf(
          "Could not write progress of %d runs, will try again: %s",
          updates.size(), e.getMessage());
      taken.forEach(entry -> pending.putIfAbsent(entry.getKey(), entry.getValue()));
    }
  }

  private String metadataJson(Map<String, Object> metadata) {
    try {
      return metadata.isEmpty() ? null : json.writeValueAsString(metadata);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Metadata must be JSON-serialisable", e);
    }
  }
}
