package dev.nightshift.calendar.sync;

import dev.nightshift.calendar.calendarlist.CalendarStore;
import dev.nightshift.calendar.calendarlist.ConnectedCalendar;
import dev.nightshift.calendar.config.CalendarSyncConfig;
import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.connection.ProviderSession;
import dev.nightshift.calendar.connection.ProviderSessions;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.watch.WatchChannels;
import dev.nightshift.contracts.calendar.CalendarSynced;
import dev.nightshift.engine.Events;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * One connection's sync, with its log line: a full sync first refreshes the connection's calendar
 * list (calendars added at the provider since appear, enabled), then syncs every calendar that is
 * enabled with inbound sync on, and opens the Google push channels it lacks. A provider that
 * refuses the grant deactivates the connection.
 */
@ApplicationScoped
class ConnectionSync {

  private static final Logger LOG = Logger.getLogger(ConnectionSync.class);

  private final ConnectionStore connections;
  private final CalendarStore calendars;
  private final ProviderSessions sessions;
  private final CalendarSync calendarSync;
  private final SyncLogStore log;
  private final Events events;
  private final CalendarSyncConfig config;
  private final WatchChannels watches;

  ConnectionSync(
      ConnectionStore connections,
      CalendarStore calendars,
      ProviderSessions sessions,
      CalendarSync calendarSync,
      SyncLogStore log,
      Events events,
      CalendarSyncConfig config,
      WatchChannels watches) {
    this.connections = connections;
    this.calendars = calendars;
    this.sessions = sessions;
    this.calendarSync = calendarSync;
    this.log = log;
    this.events = events;
    this.config = config;
    this.watches = watches;
  }

  /**
   * @param onlyCalendar sync just this calendar of the connection, or all when null
   * @throws ConnectionRevokedException after deactivating the connection and logging the failure
   */
  Counts sync(
      CalendarConnection connection,
      SyncType type,
      SyncTrigger trigger,
      UUID onlyCalendar,
      UUID runId) {
    var logId = log.started(connection.teamId(), connection.id(), runId, type, trigger);
    var counts = Counts.NONE;
    ProviderSession session = null;
    try {
      session = sessions.open(connection);
      var now = Instant.now();
      var window = new Window(now.minus(config.windowPast()), now.plus(config.windowFuture()));
      if (type == SyncType.FULL) {
        calendars.merge(connection.teamId(), connection.id(), session.calendars());
      }
      for (ConnectedCalendar calendar : calendars.of(connection.id())) {
        if (!calendar.synced() || (onlyCalendar != null && !onlyCalendar.equals(calendar.id()))) {
          continue;
        }
        counts =
            counts.plus(
                type == SyncType.FULL
                    ? calendarSync.full(session, connection, calendar, window)
                    : calendarSync.incremental(session, connection, calendar, window));
      }
      var done = withCalls(counts, session.calls());
      QuarkusTransaction.requiringNew()
          .run(
              () -> {
                log.ended(logId, done, null);
                events.publish(
                    CalendarSynced.NAME,
                    connection.teamId(),
                    new CalendarSynced(
                        connection.teamId(),
                        connection.id(),
                        runId,
                        type.name(),
                        done.calendars(),
                        done.inserted(),
                        done.updated(),
                        done.deleted()));
              });
      if (type == SyncType.FULL) {
        openChannels(connection, session);
      }
      return done;
    } catch (ConnectionRevokedException e) {
      connections.deactivate(connection.id(), "revoked: " + e.getMessage());
      log.ended(logId, withCalls(counts, calls(session)), "revoked: " + e.getMessage());
      throw e;
    } catch (RuntimeException e) {
      log.ended(logId, withCalls(counts, calls(session)), String.valueOf(e.getMessage()));
      throw e;
    }
  }

  /**
   * After the listing, so every change the channels report is news. The sync has succeeded by now:
   * a channel that cannot be opened is left to the renewal, not a failed run.
   */
  private void openChannels(CalendarConnection connection, ProviderSession session) {
    try {
      watches.maintain(connection, session);
    } catch (RuntimeException e) {
      LOG.warnf(
          "Could not open the push channels of calendar connection %s: %s",
          connection.id(), e.getMessage());
    }
  }

  private static int calls(ProviderSession session) {
    return session == null ? 0 : session.calls();
  }

  private static Counts withCalls(Counts counts, int calls) {
    return new Counts(
        counts.calendars(),
        counts.inserted(),
        counts.updated(),
        counts.deleted(),
        counts.skipped(),
        counts.pages(),
        calls,
        counts.fellBack());
  }
}
