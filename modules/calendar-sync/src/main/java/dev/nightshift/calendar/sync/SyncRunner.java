package dev.nightshift.calendar.sync;

import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.engine.NonRetryableException;
import dev.nightshift.engine.TaskContext;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Syncs the connections of one run, each in a durable step: a retried run skips the connections
 * that synced before. A revoked connection is deactivated and the others still sync; then the run
 * fails at once ({@link NonRetryableException}), since no retry brings a grant back, and shows in
 * the failed runs for someone to reconnect. Any other failure fails the attempt after the other
 * connections synced, and the engine retries it.
 */
@ApplicationScoped
class SyncRunner {

  private final ConnectionSync connectionSync;

  SyncRunner(ConnectionSync connectionSync) {
    this.connectionSync = connectionSync;
  }

  SyncResult run(
      List<CalendarConnection> connections,
      SyncType type,
      SyncTrigger trigger,
      UUID onlyCalendar,
      TaskContext ctx)
      throws Exception {
    var total = Counts.NONE;
    var revoked = new ArrayList<UUID>();
    Exception failure = null;
    for (var connection : connections) {
      try {
        total =
            total.plus(
                ctx.step(
                    "connection:" + connection.id(),
                    Counts.class,
                    () ->
                        connectionSync.sync(connection, type, trigger, onlyCalendar, ctx.runId())));
      } catch (ConnectionRevokedException e) {
        revoked.add(connection.id());
      } catch (Exception e) {
        if (failure == null) {
          failure = e;
        } else {
          failure.addSuppressed(e);
        }
      }
    }
    if (failure != null) {
      throw failure;
    }
    if (!revoked.isEmpty()) {
      throw new NonRetryableException(
          "The provider refused the grant of calendar connection(s) "
              + revoked
              + ": they are deactivated until reconnected");
    }
    return new SyncResult(connections.size(), total);
  }
}
