package dev.nightshift.inbox.matching;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.contracts.transactions.MatchCandidates;
import dev.nightshift.inbox.matching.score.Score;
import dev.nightshift.inbox.matching.score.Scorer;
import dev.nightshift.inbox.matching.store.MatchItem;
import dev.nightshift.inbox.matching.store.MatchItemStore;
import dev.nightshift.inbox.matching.store.SuggestionStore;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Matches one inbox item to the team's transactions: the posted transactions of the opposite sign
 * and the same amount, within the window around the document's dates, are scored; pairs a person
 * declined or undid, and transactions linked to another item, are left out. The only candidate at
 * or above the suggestion threshold is linked when it reaches the auto threshold; otherwise every
 * candidate at or above the suggestion threshold becomes a PENDING suggestion, and with none the
 * item stays UNMATCHED.
 *
 * <p>Each item is matched in a transaction of its own that locks the item's row first, so two runs
 * for one item (or a run and a person's review) take turns, and the second sees what the first
 * decided; running it again changes nothing but rescored pending suggestions.
 */
@ApplicationScoped
public class Matcher {

  /** What matching did to an item. */
  public enum Outcome {
    LINKED,
    SUGGESTED,
    UNMATCHED,
    /** Not of the team, not processed, already decided, or without an amount or date. */
    SKIPPED
  }

  private final MatchItemStore items;
  private final SuggestionStore suggestions;
  private final MatchCandidates transactions;
  private final Linking linking;
  private final MatchingConfig config;
  private final Scorer scorer;

  Matcher(
      MatchItemStore items,
      SuggestionStore suggestions,
      MatchCandidates transactions,
      Linking linking,
      MatchingConfig config) {
    this.items = items;
    this.suggestions = suggestions;
    this.transactions = transactions;
    this.linking = linking;
    this.config = config;
    this.scorer = new Scorer(windowDays(config));
  }

  public Outcome match(UUID team, UUID itemId) {
    return QuarkusTransaction.requiringNew().call(() -> matchLocked(team, itemId));
  }

  private Outcome matchLocked(UUID team, UUID itemId) {
    var item = items.lock(itemId).orElse(null);
    if (item == null
        || !item.teamId().equals(team)
        || !item.isWaiting()
        || !item.document().isMatchable()) {
      return Outcome.SKIPPED;
    }
    var ranked = rank(item);
    var best = ranked.entrySet().stream().findFirst().orElse(null);
    if (ranked.size() == 1 && best.getValue().total() >= config.autoThreshold()) {
      linking.autoLink(item, best.getKey(), best.getValue());
      return Outcome.LINKED;
    }
    suggestions.savePending(team, itemId, ranked);
    suggestions.deletePendingExcept(itemId, ranked.keySet());
    var status = ranked.isEmpty() ? MatchItem.UNMATCHED : MatchItem.SUGGESTED;
    items.waitFor(itemId, status);
    return ranked.isEmpty() ? Outcome.UNMATCHED : Outcome.SUGGESTED;
  }

  /** The candidates at or above the suggestion threshold, best first. */
  private Map<UUID, Score> rank(MatchItem item) {
    var document = item.document();
    int window = windowDays(config);
    var candidates =
        transactions.withAmount(
            item.teamId(),
            document.amount().negate(),
            document.firstDay().minusDays(window),
            document.lastDay().plusDays(window),
            document.firstDay(),
            config.maxCandidates());
    // A transaction already linked to another document paid that one.
    var rejected =
        new HashSet<>(
            items
                .linkedItems(item.teamId(), candidates.stream().map(MatchCandidate::id).toList())
                .keySet());
    for (var suggestion : suggestions.forItem(item.id())) {
      if (suggestion.isRejected()) {
        rejected.add(suggestion.transactionId());
      }
    }
    var ranked = new LinkedHashMap<UUID, Score>();
    candidates.stream()
        .filter(c -> !rejected.contains(c.id()))
        .map(c -> Map.entry(c.id(), scorer.score(document, c)))
        .filter(e -> e.getValue().total() >= config.suggestionThreshold())
        .sorted(Comparator.comparing((Map.Entry<UUID, Score> e) -> e.getValue().total()).reversed())
        .forEach(e -> ranked.put(e.getKey(), e.getValue()));
    return ranked;
  }

  static int windowDays(MatchingConfig config) {
    return (int) Math.max(1, config.window().toDays());
  }
}
