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
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** A team's transactions, their notes, and the team's manual sync. */
@Path("/api/v1/transactions")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Transactions")
public class TransactionResource {

  private static final Set<String> STATUSES = Set.of("PENDING", "POSTED");

  /** The longest note, in characters (Unicode code points). */
  static final int MAX_NOTE = 2000;

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
      @QueryParam("exported") String exported,
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
                exported(exported),
                TransactionCursor.decode(cursor),
                limit));
    var last = page.size() == limit ? page.getLast() : null;
    return new Page<>(
        page, last == null ? null : new TransactionCursor(last.date(), last.id()).encode());
  }

  @PATCH
  @Path("/{transaction}")
  @Consumes(MediaType.APPLICATION_JSON)
  @Operation(summary = "Set or clear the transaction's note")
  public Transaction update(@PathParam("transaction") UUID id, @NotNull NoteChange body) {
    var note = body.note() == null || body.note().isBlank() ? null : body.note();
    if (note != null && note.codePointCount(0, note.length()) > MAX_NOTE) {
      throw ProblemException.badRequest(
          "note-too-long", "A note has at most " + MAX_NOTE + " characters.");
    }
    var transaction =
        transactions.find(id).orElseThrow(() -> ProblemException.notFound("transaction", id));
    scope.check(transaction.teamId(), "transaction", id);
    return transactions
        .setNote(id, note)
        .orElseThrow(() -> ProblemException.notFound("transaction", id));
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

  /** {@code exported=true|false}, in any case; absent does not filter; anything else is a 400. */
  private static Boolean exported(String value) {
    if (value == null || value.isEmpty()) {
      return null;
    }
    return switch (value.toLowerCase(Locale.ROOT)) {
      case "true" -> Boolean.TRUE;
      case "false" -> Boolean.FALSE;
      default ->
          throw ProblemException.badRequest(
              "invalid-parameter", "exported must be true or false, not '" + value + "'");
    };
  }
}
