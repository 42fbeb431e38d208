package dev.nightshift.transactions.web;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.TriggerResult;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.ProblemException;
import dev.nightshift.transactions.sync.SyncTask;
import dev.nightshift.transactions.transaction.Transaction;
import dev.nightshift.transactions.transaction.TransactionCursor;
import dev.nightshift.transactions.transaction.TransactionFilter;
import dev.nightshift.transactions.transaction.TransactionStore;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's transactions, and its manual sync. */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions")
public class TransactionResource {

  private static final Set<String> STATUSES = Set.of("PENDING", "POSTED");

  private final TransactionStore transactions;
  private final Engine engine;
  private final TeamScope scope;

  TransactionResource(TransactionStore transactions, Engine engine, TeamScope scope) {
    this.transactions = transactions;
    this.engine = engine;
    this.scope = scope;
  }

  @GET
  @Operation(summary = "List the team's transactions, newest first, with filters and a cursor")
  public Page<Transaction> list(
      @QueryParam("team") UUID team,
      @QueryParam("account") UUID account,
      @QueryParam("from") LocalDate from,
      @QueryParam("to") LocalDate to,
      @QueryParam("status") String status,
      @QueryParam("q") @Size(max = 200) String text,
      @QueryParam("cursor") String cursor,
      @QueryParam("limit") @DefaultValue("50") @Min(1) @Max(500) int limit) {
    String wanted = status == null ? null : status.toUpperCase(Locale.ROOT);
    if (wanted != null && !STATUSES.contains(wanted)) {
      throw ProblemException.badRequest(
          "invalid-parameter", "status must be pending or posted, not '" + status + "'");
    }
    var page =
        transactions.list(
            new TransactionFilter(
                scope.team(team),
                account,
                from,
                to,
                wanted,
                text == null || text.isBlank() ? null : text,
                TransactionCursor.decode(cursor),
                limit));
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(
        page, last == null ? null : new TransactionCursor(last.date(), last.id()).encode());
  }

  @POST
  @Path("/sync")
  @Operation(summary = "Sync the team's banks now; answers the run to follow")
  public TriggerResult sync(@QueryParam("team") UUID team) {
    var owner = scope.team(team);
    return engine.trigger(
        SyncTask.ID,
        new SyncTask.Payload(owner),
        TriggerOptions.defaults().withTeam(owner).withConcurrencyKey(owner.toString()));
  }
}
