package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.WorkingHours;
import dev.nightshift.calendar.scheduling.store.WorkingHoursStore;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** The team's working week, the only time schedule-tasks places tasks in. */
@Path("/api/v1/calendar-working-hours")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar scheduling")
public class WorkingHoursResource {

  private final WorkingHoursStore store;
  private final TeamScope scope;

  WorkingHoursResource(WorkingHoursStore store, TeamScope scope) {
    this.store = store;
    this.scope = scope;
  }

  @PUT
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set the team's time zone and working blocks per weekday")
  public WorkingHoursBody put(@QueryParam("team") UUID team, WorkingHoursBody body) {
    var owner = scope.team(team);
    var hours = WorkingHoursCheck.check(body);
    store.save(owner, hours);
    return view(hours);
  }

  @GET
  @Operation(summary = "The team's working hours; 404 until set")
  public WorkingHoursBody get(@QueryParam("team") UUID team) {
    var owner = scope.team(team);
    return view(
        store
            .find(owner)
            .orElseThrow(
                () ->
                    new ProblemException(
                        Problem.of(
                            Response.Status.NOT_FOUND,
                            "not-found",
                            "The team has set no working hours yet."))));
  }

  private static WorkingHoursBody view(WorkingHours hours) {
    var week = new LinkedHashMap<String, List<WorkingHoursBody.Block>>();
    hours
        .week()
        .forEach(
            (day, blocks) ->
                week.put(
                    day.name(),
                    blocks.stream()
                        .map(b -> new WorkingHoursBody.Block(b.start(), b.end()))
                        .toList()));
    return new WorkingHoursBody(hours.zone().getId(), week);
  }
}
