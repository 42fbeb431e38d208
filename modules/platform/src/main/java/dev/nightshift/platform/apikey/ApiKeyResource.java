package dev.nightshift.platform.apikey;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.Caller;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.platform.team.TeamStore;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * A team's API keys. The operator issues them; a team may list its own and revoke them, so a leaked
 * key can be shut off without waiting for the operator.
 */
@Path("/api/v1/teams/{team}/keys")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Teams")
public class ApiKeyResource {

  private final ApiKeyStore keys;
  private final TeamStore teams;
  private final Caller caller;

  ApiKeyResource(ApiKeyStore keys, TeamStore teams, Caller caller) {
    this.keys = keys;
    this.teams = teams;
    this.caller = caller;
  }

  @POST
  @Operation(summary = "Issue a key for the team (admin key); the response shows it once")
  public Response issue(@PathParam("team") UUID team, @NotNull @Valid NewApiKey body) {
    caller.requireAdmin();
    requireTeamExists(team);
    var issued = keys.issue(team, body.name());
    return Response.created(URI.create("/api/v1/teams/" + team + "/keys/" + issued.id()))
        .entity(issued)
        .build();
  }

  @GET
  @Operation(summary = "List the team's keys, without their secrets")
  public Page<ApiKey> list(@PathParam("team") UUID team) {
    caller.requireAccessTo(team);
    requireTeamExists(team);
    // A team has a handful of keys: one page holds them all.
    return new Page<>(keys.listFor(team), null);
  }

  @DELETE
  @Path("/{key}")
  @Operation(summary = "Revoke a key; it stops working at once")
  public Response revoke(@PathParam("team") UUID team, @PathParam("key") UUID key) {
    caller.requireAccessTo(team);
    keys.revoke(team, key);
    return Response.noContent().build();
  }

  private void requireTeamExists(UUID team) {
    if (teams.find(team).isEmpty()) {
      throw ProblemException.notFound("team", team);
    }
  }
}
