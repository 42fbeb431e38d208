package dev.nightshift.transactions.web;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.Connecting;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.Providers;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's bank connections. */
@Path("/api/v1/bank-connections")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bank connections")
public class ConnectionResource {

  private final ConnectionStore connections;
  private final Connecting connecting;
  private final Providers providers;
  private final TeamScope scope;

  ConnectionResource(
      ConnectionStore connections, Connecting connecting, Providers providers, TeamScope scope) {
    this.connections = connections;
    this.connecting = connecting;
    this.providers = providers;
    this.scope = scope;
  }

  @POST
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(
      summary =
          "Connect a bank (the sandbox, or a provider's tokens); starts its first sync and answers"
              + " the run to follow")
  public Response create(@NotNull @Valid ConnectionRequest body) {
    var team = scope.team(body.team());
    var provider = providers.requested(body.provider());
    var request = new LinkRequest(body.token(), body.reference(), body.institutionId());
    try {
      var connected = connecting.connect(team, provider, request);
      return Response.status(Response.Status.CREATED).entity(connected).build();
    } catch (IllegalArgumentException e) {
      throw ProblemException.badRequest("invalid-link", e.getMessage());
    } catch (ProviderAuthException e) {
      throw ProblemException.unprocessable(
          "link-refused",
          provider.id() + " refused the link (" + e.code() + "): " + e.getMessage());
    } catch (ProviderUnavailableException e) {
      throw new ProblemException(
          Problem.of(
              Response.Status.SERVICE_UNAVAILABLE,
              "provider-unavailable",
              provider.id() + " did not answer; try again later: " + e.getMessage()));
    }
  }

  @GET
  @Operation(summary = "List the team's bank connections")
  public Page<BankConnection> list(@QueryParam("team") UUID team) {
    return new Page<>(connections.listFor(scope.team(team)), null);
  }

  @GET
  @Path("/{connection}")
  @Operation(summary = "Get a bank connection: status, last sync, last error")
  public BankConnection get(@PathParam("connection") UUID id) {
    return visible(id);
  }

  @DELETE
  @Path("/{connection}")
  @Operation(
      summary =
          "Delete a connection with its accounts and transactions; a run revokes it at the"
              + " provider")
  public Response delete(@PathParam("connection") UUID id) {
    var revokeRun = connecting.disconnect(visible(id));
    return Response.accepted(Map.of("revokeRunId", revokeRun)).build();
  }

  private BankConnection visible(UUID id) {
    var connection =
        connections.find(id).orElseThrow(() -> ProblemException.notFound("Bank connection", id));
    scope.check(connection.teamId(), "Bank connection", id);
    return connection;
  }
}
