package dev.nightshift.inbox.matching;

import static dev.nightshift.inbox.matching.ReviewRefusedException.Reason.CONFLICT;
import static dev.nightshift.inbox.matching.ReviewRefusedException.Reason.NOT_FOUND;

import dev.nightshift.engine.Engine;
import dev.nightshift.inbox.matching.store.MatchItem;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import dev.nightshift.inbox.matching.store.Suggestion;
import dev.nightshift.inbox.matching.store.SuggestionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

/**
 * What a person decides about matching: confirm a suggestion, decline one, undo a link. Each holds
 * the item's row lock for its transaction, as matching does, so a review and a matching run of the
 * same item never interleave.
 */
@ApplicationScoped
public class Review {

  private final MatchItemStore items;
  private final SuggestionStore suggestions;
  private final Linking linking;
  private final Engine engine;

  Review(MatchItemStore items, SuggestionStore suggestions, Linking linking, Engine engine) {
    this.items = items;
    this.suggestions = suggestions;
    this.linking = linking;
    this.engine = engine;
  }

  /**
   * Links the item to the suggested transaction and publishes {@code inbox.matched} ({@code how}
   * {@code confirmed}). Confirming the pair that is already linked changes nothing.
   *
   * @throws ReviewRefusedException NOT_FOUND without such a suggestion, CONFLICT when the item is
   *     linked to another transaction
   */
  @Transactional
  public Suggestion confirm(UUID inboxId, UUID transactionId) {
    var item = lock(inboxId);
    if (MatchItem.MATCHED.equals(item.matchStatus())) {
      if (transactionId.equals(item.transactionId())) {
        return suggestion(inboxId, transactionId);
      }
      throw new ReviewRefusedException(
          CONFLICT,
          "The item is matched to transaction "
              + item.transactionId()
              + "; unmatch it before confirming another.");
    }
    var other = items.linkedItems(item.teamId(), List.of(transactionId)).get(transactionId);
    if (other != null) {
      throw new ReviewRefusedException(
          CONFLICT,
          "Transaction "
              + transactionId
              + " is matched to inbox item "
              + other
              + "; unmatch that item first.");
    }
    linking.confirm(item, suggestion(inboxId, transactionId));
    return suggestion(inboxId, transactionId);
  }

  /**
   * Declines a suggestion: the pair is never suggested again. An item left without pending
   * suggestions goes back to UNMATCHED.
   *
   * @throws ReviewRefusedException NOT_FOUND without such a suggestion, CONFLICT when it is the
   *     item's link (unmatch it instead)
   */
  @Transactional
  public Suggestion decline(UUID inboxId, UUID transactionId) {
    var item = lock(inboxId);
    suggestion(inboxId, transactionId);
    if (MatchItem.MATCHED.equals(item.matchStatus())
        && transactionId.equals(item.transactionId())) {
      throw new ReviewRefusedException(
          CONFLICT, "The item is matched to this transaction; unmatch it instead.");
    }
    suggestions.decide(inboxId, transactionId, Suggestion.DECLINED, Suggestion.USER);
    boolean pendingLeft =
        suggestions.forItem(inboxId).stream().anyMatch(s -> Suggestion.PENDING.equals(s.status()));
    if (MatchItem.SUGGESTED.equals(item.matchStatus()) && !pendingLeft) {
      items.waitFor(inboxId, MatchItem.UNMATCHED);
    }
    return suggestion(inboxId, transactionId);
  }

  /**
   * Undoes the item's link: the pair becomes UNMATCHED (never linked or suggested again by
   * matching), the item UNMATCHED, and a {@code match-inbox} run looks for its other candidates.
   *
   * @throws ReviewRefusedException CONFLICT when the item is not matched
   */
  @Transactional
  public Unmatched unmatch(UUID inboxId) {
    var item = lock(inboxId);
    if (!MatchItem.MATCHED.equals(item.matchStatus())) {
      throw new ReviewRefusedException(CONFLICT, "The item is not matched to a transaction.");
    }
    suggestions.decide(inboxId, item.transactionId(), Suggestion.UNMATCHED, Suggestion.USER);
    items.waitFor(inboxId, MatchItem.UNMATCHED);
    var run =
        engine.trigger(
            MatchInboxTask.ID,
            new MatchInboxTask.Payload(item.teamId(), List.of(inboxId)),
            MatchInboxTask.options(item.teamId()));
    return new Unmatched(inboxId, item.transactionId(), MatchItem.UNMATCHED, run.id());
  }

  /**
   * What an unmatch did.
   *
   * @param transactionId the transaction the item was linked to
   * @param matchRunId the {@code match-inbox} run that looks for the item's other candidates
   */
  public record Unmatched(UUID inboxId, UUID transactionId, String matchStatus, UUID matchRunId) {}

  private MatchItem lock(UUID inboxId) {
    return items
        .lock(inboxId)
        .orElseThrow(
            () -> new ReviewRefusedException(NOT_FOUND, "No inbox item with id " + inboxId + "."));
  }

  private Suggestion suggestion(UUID inboxId, UUID transactionId) {
    return suggestions
        .find(inboxId, transactionId)
        .orElseThrow(
            () ->
                new ReviewRefusedException(
                    NOT_FOUND,
                    "No suggestion of transaction " + transactionId + " for this item."));
  }
}
