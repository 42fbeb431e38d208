package dev.nightshift.platform.team;

import dev.nightshift.platform.api.Cursor;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
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

/** Teams: created and listed by the operator; each team may read itself. */
@Path("/api/v1/teams")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class TeamResource {

  private final TeamStore teams;
  private final Caller caller;

  TeamResource(TeamStore teams, Caller caller) {
    this.teams = teams;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Create a team (admin key)")
  public Response create(@NotNull @Valid NewTeam body) {
    caller.requireAdmin();
    var team = teams.create(body);
    return Response.created(URI.create("/api/v1/teams/" + team.id())).entity(team).build();
  }

  @GET
  @Operation(summary = "List teams, oldest first (admin key)")
  public Page<Team> list(
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(200) int limit) {
    caller.requireAdmin();
    var page = teams.list(Cursor.decode(cursor), limit);
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(page, last == null ? null : new Cursor(last.createdAt(), last.id()).encode());
  }

  @GET
  @Path("/{team}")
  @Operation(summary = "Get a team (admin key or the team's own key)")
  public Team get(@PathParam("team") UUID id) {
    caller.requireAccessTo(id);
    return teams.find(id).orElseThrow(() -> ProblemException.notFound("team", id));
  }
}
