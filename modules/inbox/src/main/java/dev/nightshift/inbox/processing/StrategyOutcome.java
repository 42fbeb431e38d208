package dev.nightshift.inbox.processing;

import dev.nightshift.inbox.extraction.Extraction;

/**
 * What one strategy's step recorded in the run: what it found, or why it found nothing.
 *
 * @param unreadable the document is corrupt, encrypted or empty, as the strategy saw it
 * @param gaveUp the strategy kept failing (a cloud that stayed down) and the run went on without it
 * @param skipped an earlier strategy had read everything this one would look for
 */
public record StrategyOutcome(Extraction found, String unreadable, String gaveUp, boolean skipped) {

  static StrategyOutcome found(Extraction extraction) {
    return new StrategyOutcome(extraction, null, null, false);
  }

  static StrategyOutcome unreadable(String reason) {
    return new StrategyOutcome(Extraction.EMPTY, reason, null, false);
  }

  static StrategyOutcome gaveUp(String reason) {
    return new StrategyOutcome(Extraction.EMPTY, null, reason, false);
  }

  static StrategyOutcome skippedAsComplete() {
    return new StrategyOutcome(Extraction.EMPTY, null, null, true);
  }
}
