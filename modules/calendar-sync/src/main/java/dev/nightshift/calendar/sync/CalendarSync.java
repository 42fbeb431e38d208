package dev.nightshift.calendar.sync;

import dev.nightshift.calendar.calendarlist.ConnectedCalendar;
import dev.nightshift.calendar.config.CalendarSyncConfig;
import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.connection.ProviderSession;
import dev.nightshift.calendar.event.EventRow;
import dev.nightshift.calendar.event.EventStore;
import dev.nightshift.calendar.event.Written;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.RemoteEvent;
import dev.nightshift.calendar.provider.SyncTokenExpiredException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Keeps one calendar in step with its provider. Each page's writes commit in one transaction; the
 * new sync token is stored only after every page's writes (and a snapshot's deletes) committed, so
 * a sync that dies half-way leaves the old token, and the next one reads the same changes again:
 * upserts and deletes by external id make that harmless.
 */
@ApplicationScoped
class CalendarSync {

  private final EventStore events;
  private final SyncStateStore states;
  private final CalendarSyncConfig config;

  CalendarSync(EventStore events, SyncStateStore states, CalendarSyncConfig config) {
    this.events = events;
    this.states = states;
    this.config = config;
  }

  /** Lists the window, page by page, and stores the token the last page gives. */
  Counts full(
      ProviderSession session,
      CalendarConnection connection,
      ConnectedCalendar calendar,
      Window window) {
    var tally = new Tally();
    listAndApply(
        session,
        connection,
        calendar,
        window,
        EventQuery.window(calendar.externalId(), window.from(), window.to()),
        tally);
    return tally.counts();
  }

  /**
   * Applies what changed since the stored token. Without one, or when the provider no longer knows
   * it (410 Gone), the token is cleared and the window is listed as by {@link #full}.
   */
  Counts incremental(
      ProviderSession session,
      CalendarConnection connection,
      ConnectedCalendar calendar,
      Window window) {
    var tally = new Tally();
    var token = states.token(calendar.id());
    if (token.isPresent()) {
      // The window travels with the token: Google sends only the token, a feed uses the window
      // to expand recurrences and to bound what its snapshot may delete.
      var changes =
          new EventQuery(calendar.externalId(), token.get(), null, window.from(), window.to());
      try {
        listAndApply(session, connection, calendar, window, changes, tally);
        return tally.counts();
      } catch (SyncTokenExpiredException e) {
        states.clear(calendar.id());
      }
    }
    tally.fellBack = true;
    listAndApply(
        session,
        connection,
        calendar,
        window,
        EventQuery.window(calendar.externalId(), window.from(), window.to()),
        tally);
    return tally.counts();
  }

  private void listAndApply(
      ProviderSession session,
      CalendarConnection connection,
      ConnectedCalendar calendar,
      Window window,
      EventQuery first,
      Tally tally) {
    var query = first;
    Set<String> listed = new HashSet<>();
    boolean snapshot = false;
    String syncToken;
    while (true) {
      var page = session.events(query);
      tally.pages++;
      if (page.notModified()) {
        syncToken = page.nextSyncToken();
        break;
      }
      if (page.snapshot()) {
        snapshot = true;
        page.events().stream().filter(e -> !e.cancelled()).forEach(e -> listed.add(e.externalId()));
      }
      write(connection, calendar, page.events(), tally);
      if (page.last()) {
        syncToken = page.nextSyncToken();
        break;
      }
      query = query.nextPage(page.nextPageToken());
    }
    if (snapshot && calendar.syncDeletes()) {
      tally.deleted += events.deleteMissing(calendar, window.from(), window.to(), listed);
    }
    if (syncToken != null) {
      states.store(calendar.id(), connection.id(), syncToken);
    }
  }

  private void write(
      CalendarConnection connection,
      ConnectedCalendar calendar,
      List<RemoteEvent> page,
      Tally tally) {
    var rows = new ArrayList<EventRow>(page.size());
    var cancelled = new ArrayList<String>();
    for (var event : page) {
      if (event.cancelled()) {
        cancelled.add(event.externalId());
      } else {
        EventRow.of(event).ifPresentOrElse(rows::add, () -> tally.skipped++);
      }
    }
    var written =
        QuarkusTransaction.requiringNew()
            .call(
                () -> {
                  var done =
                      events.upsert(calendar, connection.provider(), rows, config.batchSize());
                  int deleted =
                      calendar.syncDeletes() && !cancelled.isEmpty()
                          ? events.deleteByExternalIds(
                              calendar, connection.provider(), cancelled, config.batchSize())
                          : 0;
                  return new Written(done.inserted(), done.updated(), deleted);
                });
    tally.inserted += written.inserted();
    tally.updated += written.updated();
    tally.deleted += written.deleted();
  }

  /** Counters of one calendar's sync. */
  private static final class Tally {
    int inserted;
    int updated;
    int deleted;
    int skipped;
    int pages;
    boolean fellBack;

    Counts counts() {
      return new Counts(1, inserted, updated, deleted, skipped, pages, 0, fellBack);
    }
  }
}
