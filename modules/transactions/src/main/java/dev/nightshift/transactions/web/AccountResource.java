package dev.nightshift.transactions.web;

import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.transactions.account.AccountStore;
import dev.nightshift.transactions.account.BankAccount;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's bank accounts; only enabled ones sync. */
@Path("/api/v1/bank-accounts")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Bank accounts")
public class AccountResource {

  private final AccountStore accounts;
  private final TeamScope scope;

  AccountResource(AccountStore accounts, TeamScope scope) {
    this.accounts = accounts;
    this.scope = scope;
  }

  @GET
  @Operation(summary = "List the team's bank accounts, optionally of one connection")
  public Page<BankAccount> list(
      @QueryParam("team") UUID team, @QueryParam("connection") UUID connection) {
    var owner = scope.team(team);
    var found =
        accounts.ofTeam(owner).stream()
            .filter(a -> connection == null || a.connectionId().equals(connection))
            .toList();
    return new Page<>(found, null);
  }

  @POST
  @Path("/{account}/enable")
  @Operation(summary = "Enable an account: syncs read it again")
  public BankAccount enable(@PathParam("account") UUID id) {
    return setEnabled(id, true);
  }

  @POST
  @Path("/{account}/disable")
  @Operation(summary = "Disable an account: syncs skip it; its transactions stay")
  public BankAccount disable(@PathParam("account") UUID id) {
    return setEnabled(id, false);
  }

  private BankAccount setEnabled(UUID id, boolean enabled) {
    var account =
        accounts.find(id).orElseThrow(() -> ProblemException.notFound("Bank account", id));
    scope.check(account.teamId(), "Bank account", id);
    accounts.setEnabled(id, enabled);
    return accounts.find(id).orElseThrow();
  }
}
