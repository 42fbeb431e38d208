package dev.nightshift.inbox.matching.web;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.contracts.transactions.MatchCandidates;
import dev.nightshift.inbox.matching.Review;
import dev.nightshift.inbox.matching.ReviewRefusedException;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import dev.nightshift.inbox.matching.store.Suggestion;
import dev.nightshift.inbox.matching.store.SuggestionStore;
import dev.nightshift.platform.api.Page;
import dev.nightshift.platform.auth.TeamScope;
import dev.nightshift.platform.problem.Problem;
import dev.nightshift.platform.problem.ProblemException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response.Status;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * An inbox item's matches: its suggestions, and a person's confirm, decline and unmatch. Shares
 * {@code /api/v1/inbox} with the items' own resource; the class path is the same string, which
 * RESTEasy Reactive merges (a longer class path such as {@code /api/v1/inbox/{id}} would hide the
 * other class's {@code GET /{id}}).
 */
@Path("/api/v1/inbox")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Inbox")
public class MatchResource {

  private static final String ITEM = "inbox item";

  private final MatchItemStore items;
  private final SuggestionStore suggestions;
  private final MatchCandidates transactions;
  private final Review review;
  private final TeamScope scope;

  MatchResource(
      MatchItemStore items,
      SuggestionStore suggestions,
      MatchCandidates transactions,
      Review review,
      TeamScope scope) {
    this.items = items;
    this.suggestions = suggestions;
    this.transactions = transactions;
    this.review = review;
    this.scope = scope;
  }

  @GET
  @Path("/{id}/suggestions")
  @Operation(summary = "List an inbox item's suggested transactions, best first, with why")
  public Page<SuggestionView> suggestions(@PathParam("id") UUID id) {
    var team = visible(id);
    var found = suggestions.forItem(id);
    var details =
        transactions.byIds(team, found.stream().map(Suggestion::transactionId).toList()).stream()
            .collect(Collectors.toMap(MatchCandidate::id, Function.identity()));
    return new Page<>(
        found.stream().map(s -> SuggestionView.of(s, details.get(s.transactionId()))).toList(),
        null);
  }

  @POST
  @Path("/{id}/suggestions/{transactionId}/confirm")
  @Operation(summary = "Link the item to a suggested transaction")
  public SuggestionView confirm(
      @PathParam("id") UUID id, @PathParam("transactionId") UUID transactionId) {
    var team = visible(id);
    return view(team, refusedAsProblem(() -> review.confirm(id, transactionId)));
  }

  @POST
  @Path("/{id}/suggestions/{transactionId}/decline")
  @Operation(summary = "Decline a suggested transaction; it is never suggested again")
  public SuggestionView decline(
      @PathParam("id") UUID id, @PathParam("transactionId") UUID transactionId) {
    var team = visible(id);
    return view(team, refusedAsProblem(() -> review.decline(id, transactionId)));
  }

  @POST
  @Path("/{id}/unmatch")
  @Operation(summary = "Undo the item's link; matching looks for its other candidates")
  public Review.Unmatched unmatch(@PathParam("id") UUID id) {
    visible(id);
    return refusedAsProblem(() -> review.unmatch(id));
  }

  private SuggestionView view(UUID team, Suggestion s) {
    var transaction = transactions.byIds(team, List.of(s.transactionId()));
    return SuggestionView.of(s, transaction.isEmpty() ? null : transaction.getFirst());
  }

  /** The item's team, or 404 when the caller may not see it. */
  private UUID visible(UUID id) {
    var item = items.find(id).orElseThrow(() -> ProblemException.notFound(ITEM, id));
    scope.check(item.teamId(), ITEM, id);
    return item.teamId();
  }

  private static <T> T refusedAsProblem(Supplier<T> action) {
    try {
      return action.get();
    } catch (ReviewRefusedException e) {
      throw switch (e.reason()) {
        case NOT_FOUND ->
            new ProblemException(Problem.of(Status.NOT_FOUND, "not-found", e.getMessage()));
        case CONFLICT -> ProblemException.conflict(e.getMessage());
      };
    }
  }
}
