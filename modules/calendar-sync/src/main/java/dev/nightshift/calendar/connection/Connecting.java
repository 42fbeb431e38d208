package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.calendarlist.CalendarStore;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.calendar.sync.SyncRuns;
import dev.nightshift.calendar.sync.SyncTrigger;
import dev.nightshift.platform.database.Ids;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.UUID;

/**
 * Connects a calendar account or feed. The provider is asked for the calendars first, outside any
 * transaction (which also proves the credentials); then the connection, its calendars (all enabled)
 * and its first full sync commit together, so no connection is left without its first sync.
 */
@ApplicationScoped
public class Connecting {

  private final ConnectionStore connections;
  private final CalendarStore calendars;
  private final ProviderSessions sessions;
  private final SyncRuns runs;

  Connecting(
      ConnectionStore connections,
      CalendarStore calendars,
      ProviderSessions sessions,
      SyncRuns runs) {
    this.connections = connections;
    this.calendars = calendars;
    this.sessions = sessions;
    this.runs = runs;
  }

  /**
   * @throws dev.nightshift.calendar.provider.ConnectionRevokedException the provider refuses the
   *     tokens
   */
  public Connected connect(UUID team, NewConnection request) {
    var id = Ids.next();
    var session =
        switch (request) {
          case NewConnection.Google google -> sessions.openNew(google.tokens());
          case NewConnection.Feed feed -> sessions.openNew(feed.url());
        };
    List<RemoteCalendar> remote = session.calendars();
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              switch (request) {
                // Tokens as the session left them: refreshed if they were about to expire.
                case NewConnection.Google google ->
                    connections.insertOAuth(id, team, google.name(), session.tokens());
                case NewConnection.Feed feed ->
                    connections.insertFeed(id, team, feed.name(), feed.url());
              }
              calendars.merge(team, id, remote);
              var run = runs.full(team, id, null, SyncTrigger.CONNECT);
              return new Connected(connections.find(id).orElseThrow(), run.id());
            });
  }

  /** A connection just made, and the run of its first full sync. */
  public record Connected(CalendarConnection connection, UUID syncRunId) {}
}
