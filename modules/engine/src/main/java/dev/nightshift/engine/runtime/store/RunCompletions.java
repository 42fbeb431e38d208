package dev.nightshift.engine.runtime.store;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.event.EventsConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Writes how attempts ended, many in one statement, which also publishes {@code run.completed} and
 * {@code run.failed} for the runs that finished (unless {@code nightshift.events.run-lifecycle} is
 * off): a run's end and its event commit together. Attempts that wait go through {@code
 * engine.suspend_runs}.
 */
@ApplicationScoped
public class RunCompletions {

  // The state check (still EXECUTING, still ours, same attempt) makes a late write harmless: a run
  // that was canceled, or rescued and given to another worker, is never overwritten.
  private static final String SQL =
      """
      WITH changed AS (
      UPDATE engine.runs r
      SET status = c.status,
          output = c.output::jsonb,
          run_at = coalesce(c.retry_at, r.run_at),
          attempts = CASE WHEN c.error IS NULL THEN r.attempts
                          ELSE r.attempts || jsonb_build_array(c.error::jsonb) END,
          finished_at = CASE WHEN c.status = 'QUEUED' THEN NULL ELSE now() END,
          lease_owner = NULL,
          lease_expires_at = NULL,
          updated_at = now()
      FROM unnest(?::uuid[], ?::int[], ?::text[], ?::text[], ?::timestamptz[], ?::text[])
           AS c(id, attempt, status, output, retry_at, error)
      WHERE r.id = c.id AND r.attempt = c.attempt
        AND r.status = 'EXECUTING' AND r.lease_owner = ?
      RETURNING r.id, r.task_id, r.team_id, r.status, r.output, c.error)
      SELECT engine.notify_changed(array_agg(id)),
             engine.publish_events(jsonb_agg(
                 jsonb_build_object('name', CASE WHEN status = 'COMPLETED' THEN 'run.completed'
                                                 ELSE 'run.failed' END,
                     'team_id', team_id, 'source', 'engine', 'payload', jsonb_build_object(
                         'runId', id, 'task', task_id, 'status', status, 'teamId', team_id,
                         -- A summary: a large output stays in the run, the stack trace too.
                         'output', CASE WHEN octet_length(output::text) <= 16384 THEN output END,
                         'error', error::jsonb - 'stackTrace')))
                 FILTER (WHERE ? AND status IN ('COMPLETED', 'FAILED', 'TIMED_OUT')))
      FROM changed
      """;

  private final DataSource dataSource;
  private final ObjectMapper json;
  private final boolean lifecycleEvents;

  RunCompletions(DataSource dataSource, ObjectMapper json, EventsConfig events) {
    this.dataSource = dataSource;
    this.json = json;
    this.lifecycleEvents = events.runLifecycle();
  }

  /** Writes the completions of {@code worker}'s attempts; late ones change nothing. */
  public void write(String worker, List<Completion> completions) throws SQLException {
    var ended = completions.stream().filter(c -> c.status() != RunStatus.WAITING).toList();
    var waiting = completions.stream().filter(c -> c.status() == RunStatus.WAITING).toList();
    try (var c = dataSource.getConnection()) {
      if (!ended.isEmpty()) {
        writeEnded(c, worker, ended);
      }
      if (!waiting.isEmpty()) {
        suspend(c, worker, waiting);
      }
    }
  }

  private void writeEnded(Connection c, String worker, List<Completion> unordered)
      throws SQLException {
    // In id order, as the heartbeat's renewal of the same node's runs locks them: two statements
    // that lock the same rows in different orders can deadlock.
    var completions = unordered.stream().sorted(Comparator.comparing(Completion::runId)).toList();
    int n = completions.size();
    var ids = new UUID[n];
    var attempts = new Integer[n];
    var statuses = new String[n];
    var outputs = new String[n];
    var retryAts = new Timestamp[n];
    var errors = new String[n];
    for (int i = 0; i < n; i++) {
      var completion = completions.get(i);
      ids[i] = completion.runId();
      attempts[i] = completion.attempt();
      statuses[i] = completion.status().name();
      outputs[i] = completion.output();
      retryAts[i] = completion.retryAt() == null ? null : Timestamp.from(completion.retryAt());
      errors[i] = completion.error();
    }
    try (var update = c.prepareStatement(SQL)) {
      update.setArray(1, c.createArrayOf("uuid", ids));
      update.setArray(2, c.createArrayOf("int4", attempts));
      update.setArray(3, c.createArrayOf("text", statuses));
      update.setArray(4, c.createArrayOf("text", outputs));
      update.setArray(5, c.createArrayOf("timestamptz", retryAts));
      update.setArray(6, c.createArrayOf("text", errors));
      update.setString(7, worker);
      update.setBoolean(8, lifecycleEvents);
      update.execute();
    }
  }

  private void suspend(Connection c, String worker, List<Completion> completions)
      throws SQLException {
    var items = json.createArrayNode();
    for (var completion : completions) {
      ObjectNode item = json.valueToTree(completion.waitSpec());
      items.add(item.put("id", completion.runId().toString()).put("attempt", completion.attempt()));
    }
    try (var suspend = c.prepareStatement("SELECT engine.suspend_runs(?, ?::jsonb)")) {
      suspend.setString(1, worker);
      suspend.setString(2, items.toString());
      suspend.execute();
    }
  }
}
