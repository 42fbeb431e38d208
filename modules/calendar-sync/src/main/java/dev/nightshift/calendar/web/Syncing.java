package dev.nightshift.calendar.web;

import dev.nightshift.calendar.calendarlist.CalendarStore;
import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.sync.SyncRuns;
import dev.nightshift.calendar.sync.SyncTrigger;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** Starts a sync a client asked for; the run is durable when the answer leaves. */
@ApplicationScoped
class Syncing {

  private final CalendarStore calendars;
  private final SyncRuns runs;

  Syncing(CalendarStore calendars, SyncRuns runs) {
    this.calendars = calendars;
    this.runs = runs;
  }

  SyncStarted start(CalendarConnection connection, SyncRequest request, SyncTrigger trigger) {
    var type = request == null || request.type() == null ? "incremental" : request.type();
    var calendar = request == null ? null : request.calendarId();
    if (!type.equals("full") && !type.equals("incremental")) {
      throw invalid("type", "must be full or incremental");
    }
    if (calendar != null) {
      if (type.equals("incremental")) {
        throw invalid("calendarId", "only for a full sync");
      }
      var found =
          calendars
              .find(calendar)
              .filter(c -> c.connectionId().equals(connection.id()))
              .orElseThrow(() -> invalid("calendarId", "not a calendar of this connection"));
      if (!found.enabled() || !found.syncInbound()) {
        // Accepting it would run a sync that skips the calendar and reports nothing done.
        throw ProblemException.conflict(
            "Calendar " + calendar + " is disabled or has inbound sync off: enable it first.");
      }
    }
    if (!connection.active()) {
      throw ProblemException.conflict(
          "The connection is deactivated ("
              + connection.deactivatedReason()
              + "): connect the account again.");
    }
    var run =
        type.equals("full")
            ? runs.full(connection.teamId(), connection.id(), calendar, trigger)
            : runs.incremental(connection.teamId(), connection.id(), trigger);
    return new SyncStarted(run.id(), type);
  }

  private static ProblemException invalid(String field, String message) {
    return new ProblemException(
        Problem.of(Response.Status.BAD_REQUEST, "invalid-sync-request", field + ": " + message)
            .withErrors(List.of(new Problem.FieldError(field, message))));
  }
}
