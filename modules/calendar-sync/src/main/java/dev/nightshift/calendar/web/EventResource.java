package dev.nightshift.calendar.web;

import dev.nightshift.calendar.event.CalendarEvent;
import dev.nightshift.calendar.event.EventStore;
import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The team's events in a range, synced and placed, by start time. */
@Path("/api/v1/calendar-events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar")
public class EventResource {

  static final Duration MAX_RANGE = Duration.ofDays(366);

  private final EventStore events;
  private final TeamScope scope;

  EventResource(EventStore events, TeamScope scope) {
    this.events = events;
    this.scope = scope;
  }

  @GET
  @Operation(
      summary =
          "Events that overlap [from, to) (ISO-8601 instants, at most 366 days apart), by start")
  public Page<CalendarEvent> list(
      @QueryParam("team") UUID team,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("100") @Min(1) @Max(1000) int limit) {
    var owner = scope.team(team);
    var errors = new ArrayList<Problem.FieldError>();
    var start = instant("from", from, errors);
    var end = instant("to", to, errors);
    if (start != null && end != null) {
      if (!end.isAfter(start)) {
        errors.add(new Problem.FieldError("to", "must be after from"));
      } else if (Duration.between(start, end).compareTo(MAX_RANGE) > 0) {
        errors.add(new Problem.FieldError("to", "at most 366 days after from"));
      }
    }
    if (!errors.isEmpty()) {
      throw new ProblemException(
          Problem.of(
                  Response.Status.BAD_REQUEST,
                  "invalid-event-range",
                  "The range has " + errors.size() + " invalid parameter(s).")
              .withErrors(errors));
    }
    var page = events.overlapping(owner, start, end, Cursor.decode(cursor), limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(page, last == null ? null : new Cursor(last.start(), last.id()).encode());
  }

  private static Instant instant(String field, String value, ArrayList<Problem.FieldError> errors) {
    if (value == null || value.isBlank()) {
      errors.add(new Problem.FieldError(field, "required: an ISO-8601 instant"));
      return null;
    }
    try {
      return Instant.parse(value);
    } catch (DateTimeParseException e) {
      errors.add(
          new Problem.FieldError(field, "not an ISO-8601 instant such as 2025-01-31T00:00:00Z"));
      return null;
    }
  }
}
