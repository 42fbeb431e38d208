package dev.nightshift.engine.runtime.web;

import dev.nightshift.engine.Schedule;
import dev.nightshift.engine.ScheduleDefinition;
import dev.nightshift.engine.Schedules;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.engine.UnknownTaskException;
import dev.nightshift.engine.runtime.schedule.DefaultSchedules;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * Dynamic schedules. A team key sees and changes its team's schedules only; any other schedule
 * answers 404, as if it did not exist. The admin key sees every schedule.
 */
@Path("/api/v1/schedules")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Schedules")
public class ScheduleResource {

  private final DefaultSchedules schedules;
  private final Caller caller;

  ScheduleResource(DefaultSchedules schedules, Caller caller) {
    this.schedules = schedules;
    this.caller = caller;
  }

  @GET
  @Operation(summary = "List schedules in creation order, with filters and a cursor")
  public Page<ScheduleResponse> list(
      @QueryParam("task") String task,
      @QueryParam("externalId") String externalId,
      @QueryParam("team") UUID team,
      @QueryParam("cursor") UUID cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    if (!caller.isAdmin() && team != null && !team.equals(caller.team().orElse(null))) {
      return new Page<>(List.of(), null);
    }
    UUID owner = caller.isAdmin() ? team : caller.team().orElseThrow();
    var found = schedules.list(new Schedules.Filter(owner, task, externalId, cursor, limit));
    var next = found.size() == limit ? found.getLast().id().toString() : null;
    return new Page<>(found.stream().map(ScheduleResponse::of).toList(), next);
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Create a schedule; with a deduplicationKey the team already uses, update that one (200)")
  public Response create(@NotNull @Valid ScheduleRequest body, @Context UriInfo uri) {
    var definition = ScheduleMapping.definition(body, caller);
    if (definition.deduplicationKey() != null) {
      var ensured = refusingUnknownTask(() -> schedules.ensureAndTell(definition));
      return respond(ensured.schedule(), ensured.created(), uri);
    }
    return respond(refusingUnknownTask(() -> schedules.create(definition)), true, uri);
  }

  @GET
  @Path("/{schedule}")
  @Operation(summary = "Get a schedule with its next five fire times and its last run")
  public ScheduleResponse get(@PathParam("schedule") UUID id) {
    return ScheduleResponse.of(visible(id));
  }

  @PUT
  @Path("/{schedule}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Replace what a schedule fires and when; its team, state and history stay")
  public ScheduleResponse update(
      @PathParam("schedule") UUID id, @NotNull @Valid ScheduleRequest body) {
    var existing = visible(id);
    ScheduleDefinition definition =
        ScheduleMapping.definition(body, caller).withTeam(existing.definition().teamId());
    return ScheduleResponse.of(
        found(id, refusingUnknownTask(() -> schedules.update(id, definition))));
  }

  @DELETE
  @Path("/{schedule}")
  @Operation(summary = "Delete a schedule; the runs it triggered stay")
  public Response delete(@PathParam("schedule") UUID id) {
    visible(id);
    schedules.delete(id);
    return Response.noContent().build();
  }

  @POST
  @Path("/{schedule}/activate")
  @Operation(summary = "Fire again, from the next fire time after now")
  public ScheduleResponse activate(@PathParam("schedule") UUID id) {
    visible(id);
    return ScheduleResponse.of(found(id, schedules.resume(id)));
  }

  @POST
  @Path("/{schedule}/deactivate")
  @Operation(summary = "Stop firing until activated")
  public ScheduleResponse deactivate(@PathParam("schedule") UUID id) {
    visible(id);
    return ScheduleResponse.of(found(id, schedules.pause(id)));
  }

  @POST
  @Path("/{schedule}/trigger")
  @Operation(summary = "Trigger one run of the schedule now; its fire times stay")
  public TriggerResult trigger(@PathParam("schedule") UUID id) {
    visible(id);
    return found(id, schedules.triggerNow(id));
  }

  private Response respond(Schedule schedule, boolean created, UriInfo uri) {
    var body = ScheduleResponse.of(schedule);
    if (!created) {
      return Response.ok(body).build();
    }
    var location = uri.getAbsolutePathBuilder().path(schedule.id().toString()).build();
    return Response.created(location).entity(body).build();
  }

  private Schedule visible(UUID id) {
    var schedule = schedules.find(id).orElseThrow(() -> ProblemException.notFound("schedule", id));
    var team = schedule.definition().teamId();
    if (!caller.isAdmin() && (team == null || !team.equals(caller.team().orElse(null)))) {
      throw ProblemException.notFound("schedule", id);
    }
    return schedule;
  }

  /** A schedule deleted between the check and the change is as missing as one never created. */
  private static <T> T found(UUID id, Optional<T> value) {
    return value.orElseThrow(() -> ProblemException.notFound("schedule", id));
  }

  /** Naming a task that is not deployed is a bad request here, not a missing resource. */
  private static <T> T refusingUnknownTask(Supplier<T> action) {
    try {
      return action.get();
    } catch (UnknownTaskException e) {
      throw ProblemException.badRequest("unknown-task", e.getMessage());
    }
  }
}
