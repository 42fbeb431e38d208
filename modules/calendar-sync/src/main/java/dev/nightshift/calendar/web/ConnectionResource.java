package dev.nightshift.calendar.web;

import dev.nightshift.calendar.calendarlist.CalendarStore;
import dev.nightshift.calendar.calendarlist.ConnectedCalendar;
import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.connection.Connecting;
import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.sync.SyncLogEntry;
import dev.nightshift.calendar.sync.SyncLogStore;
import dev.nightshift.calendar.sync.SyncTrigger;
import dev.nightshift.calendar.watch.WatchChannels;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A team's calendar connections: connect a Google account or an ICS feed, choose which calendars
 * sync, start a sync and read the sync log. Tokens and feed addresses go in and never come out.
 */
@Path("/api/v1/calendar-connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class ConnectionResource {

  private final ConnectionStore connections;
  private final CalendarStore calendars;
  private final SyncLogStore log;
  private final Connecting connecting;
  private final Syncing syncing;
  private final TeamScope scope;
  private final WatchChannels watches;

  ConnectionResource(
      ConnectionStore connections,
      CalendarStore calendars,
      SyncLogStore log,
      Connecting connecting,
      Syncing syncing,
      TeamScope scope,
      WatchChannels watches) {
    this.connections = connections;
    this.calendars = calendars;
    this.log = log;
    this.connecting = connecting;
    this.syncing = syncing;
    this.scope = scope;
    this.watches = watches;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Connect a Google account (with its OAuth tokens) or an ICS feed; 201 with the"
              + " connection and the run of its first full sync")
  public Response create(@QueryParam("team") UUID team, ConnectionRequest request) {
    var owner = scope.team(team);
    var checked = ConnectionCheck.check(request);
    Connecting.Connected connected;
    try {
      connected = connecting.connect(owner, checked);
    } catch (RuntimeException e) {
      throw ProviderFailures.of(e).orElseThrow(() -> e);
    }
    var view = ConnectionView.of(connected.connection());
    return Response.created(URI.create("/api/v1/calendar-connections/" + view.id()))
        .entity(new CreatedConnection(view, connected.syncRunId()))
        .build();
  }

  @GET
  @Operation(summary = "List the team's calendar connections, oldest first")
  public Page<ConnectionView> list(
      @QueryParam("team") UUID team,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var page = connections.list(scope.team(team), Cursor.decode(cursor), limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(
        page.stream().map(ConnectionView::of).toList(),
        last == null ? null : new Cursor(last.createdAt(), last.id()).encode());
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "One calendar connection")
  public ConnectionView get(@PathParam("id") UUID id) {
    return ConnectionView.of(visible(id));
  }

  @DELETE
  @Path("/{id}")
  @Operation(summary = "Delete a connection with its calendars, events and sync log")
  public Response delete(@PathParam("id") UUID id) {
    var connection = visible(id);
    // Stopping needs the connection's tokens, which go with it.
    watches.stopAll(connection);
    connections.delete(connection.id());
    return Response.noContent().build();
  }

  @GET
  @Path("/{id}/calendars")
  @Operation(summary = "The connection's calendars and their sync flags")
  public List<ConnectedCalendar> calendars(@PathParam("id") UUID id) {
    return calendars.of(visible(id).id());
  }

  @PATCH
  @Path("/{id}/calendars/{calendarId}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Enable or disable a calendar, its inbound sync or its delete sync")
  public ConnectedCalendar changeCalendar(
      @PathParam("id") UUID id, @PathParam("calendarId") UUID calendarId, CalendarChange change) {
    var connection = visible(id);
    if (change == null
        || (change.enabled() == null
            && change.syncInbound() == null
            && change.syncDeletes() == null)) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  "invalid-calendar-change",
                  "Give at least one of enabled, syncInbound and syncDeletes.")
              .withErrors(
                  List.of(
                      new Problem.FieldError("enabled", "one of the three flags is required"))));
    }
    calendars
        .find(calendarId)
        .filter(c -> c.connectionId().equals(connection.id()))
        .orElseThrow(() -> ProblemException.notFound("calendar", calendarId));
    var changed =
        calendars
            .change(calendarId, change.enabled(), change.syncInbound(), change.syncDeletes())
            .orElseThrow(() -> ProblemException.notFound("calendar", calendarId));
    if (!changed.synced()) {
      watches.stopCalendar(connection, calendarId);
    }
    return changed;
  }

  @POST
  @Path("/{id}/sync")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Start a full or incremental sync of the connection; 202 with its run")
  public Response sync(@PathParam("id") UUID id, SyncRequest request) {
    var started = syncing.start(visible(id), request, SyncTrigger.MANUAL);
    return Response.accepted(started).build();
  }

  @GET
  @Path("/{id}/sync-log")
  @Operation(summary = "The connection's sync log, newest first")
  public Page<SyncLogEntry> syncLog(
      @PathParam("id") UUID id,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var page = log.of(visible(id).id(), Cursor.decode(cursor), limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(page, last == null ? null : new Cursor(last.startedAt(), last.id()).encode());
  }

  private CalendarConnection visible(UUID id) {
    var connection =
        connections
            .find(id)
            .orElseThrow(() -> ProblemException.notFound("calendar connection", id));
    scope.check(connection.teamId(), "calendar connection", id);
    return connection;
  }
}
