package dev.nightshift.calendar.scheduling.web;

import dev.nightshift.calendar.scheduling.config.SchedulingConfig;
import dev.nightshift.calendar.scheduling.store.SchedulingRunStore;
import dev.nightshift.calendar.scheduling.store.WorkingHoursStore;
import dev.nightshift.platform.api.IdempotencyKeys;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** Places a team's tasks into its free working time, and shows where they went. */
@Path("/api/v1/calendar-schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Calendar scheduling")
public class ScheduleResource {

  private final Scheduling scheduling;
  private final SchedulingRunStore runs;
  private final WorkingHoursStore workingHours;
  private final TeamScope scope;
  private final SchedulingConfig config;

  ScheduleResource(
      Scheduling scheduling,
      SchedulingRunStore runs,
      WorkingHoursStore workingHours,
      TeamScope scope,
      SchedulingConfig config) {
    this.scheduling = scheduling;
    this.runs = runs;
    this.workingHours = workingHours;
    this.scope = scope;
    this.config = config;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Schedule tasks into free working time (schedule-tasks); 202 with the scheduling run,"
              + " or 200 with the earlier one for a repeated Idempotency-Key")
  public Response schedule(
      @QueryParam("team") UUID team,
      @HeaderParam("Idempotency-Key") String idempotencyKey,
      ScheduleBody body) {
    var owner = scope.team(team);
    IdempotencyKeys.checked(idempotencyKey);
    var request = ScheduleCheck.check(body, config);
    if (workingHours.find(owner).isEmpty()) {
      throw ProblemException.unprocessable(
          "working-hours-missing",
          "Set the team's working hours (PUT /api/v1/calendar-working-hours) before scheduling.");
    }
    var started = scheduling.start(owner, request, idempotencyKey);
    var view = ScheduleView.of(started.run());
    if (!started.created()) {
      return Response.ok(view).build();
    }
    return Response.status(Response.Status.ACCEPTED)
        .location(URI.create("/api/v1/calendar-schedules/" + view.id()))
        .entity(view)
        .build();
  }

  @GET
  @Path("/{id}")
  @Operation(summary = "A scheduling run's status; its placements and warnings once completed")
  public ScheduleView get(@PathParam("id") UUID id) {
    var run = runs.find(id).orElseThrow(() -> ProblemException.notFound("scheduling run", id));
    scope.check(run.teamId(), "scheduling run", id);
    return ScheduleView.of(run);
  }
}
