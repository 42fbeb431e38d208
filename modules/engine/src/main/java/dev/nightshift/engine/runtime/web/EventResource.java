package dev.nightshift.engine.runtime.web;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.nightshift.engine.runtime.event.DefaultEvents;
import dev.nightshift.engine.runtime.event.EventStore;
import dev.nightshift.engine.runtime.event.EventView;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.jboss.resteasy.reactive.ResponseStatus;

/**
 * Events: publish into the outbox, and watch their delivery. A team key publishes and sees its own
 * team's events; the admin key may publish for any team (or none) and sees every event.
 */
@Path("/api/v1/events")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Events")
public class EventResource {

  /**
   * {@code POST /api/v1/events}.
   *
   * @param name lowercase words separated by dots, such as {@code invoice.received}
   * @param payload a JSON object; {@code {}} when left out
   * @param team the team it belongs to: a team key's own, or for the admin any team or none
   */
  public record PublishRequest(
      @NotNull @Size(max = 128) String name, ObjectNode payload, UUID team) {}

  /** The published event's id. */
  public record Published(UUID id) {}

  private final DefaultEvents events;
  private final EventStore store;
  private final Caller caller;

  EventResource(DefaultEvents events, EventStore store, Caller caller) {
    this.events = events;
    this.store = store;
    this.caller = caller;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @ResponseStatus(202)
  @Operation(summary = "Publish an event; it is delivered to the consumers after this answer")
  public Published publish(@NotNull @Valid PublishRequest body) {
    var own = caller.team();
    if (own.isPresent() && body.team() != null && !body.team().equals(own.get())) {
      throw new ProblemException(
          Problem.of(
              Status.FORBIDDEN,
              "other-team",
              "A team key publishes events for its own team only."));
    }
    return new Published(
        events.publish(body.name(), own.orElse(body.team()), body.payload(), "api"));
  }

  @GET
  @Operation(summary = "List events, newest first, with their delivery state and a cursor")
  public Page<EventView> list(
      @QueryParam("name") String name,
      @QueryParam("team") UUID team,
      @QueryParam("cursor") UUID cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    var own = caller.team();
    if (own.isPresent() && team != null && !team.equals(own.get())) {
      return new Page<>(List.of(), null);
    }
    var found = store.list(own.orElse(team), name, cursor, limit);
    var next = found.size() == limit ? found.getLast().id().toString() : null;
    return new Page<>(found, next);
  }

  @GET
  @Path("/{event}")
  @Operation(summary = "Get an event with its payload and delivery state")
  public EventView get(@PathParam("event") UUID id) {
    var event = store.find(id).orElseThrow(() -> ProblemException.notFound("event", id));
    if (!caller.isAdmin()
        && (event.teamId() == null || !event.teamId().equals(caller.team().orElse(null)))) {
      throw ProblemException.notFound("event", id);
    }
    return event;
  }
}
