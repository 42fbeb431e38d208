package dev.nightshift.inbox.matching.store;

import dev.nightshift.inbox.matching.score.MatchDocument;
import java.util.UUID;

/**
 * An inbox item as matching sees it: its extracted fields, its processing status and its match.
 *
 * @param status NEW, PROCESSING, PROCESSED or FAILED: only processed items are matched
 * @param matchStatus UNMATCHED, SUGGESTED, MATCHED or NO_MATCH
 * @param transactionId the linked transaction, when MATCHED
 */
public record MatchItem(
    MatchDocument document, String status, String matchStatus, UUID transactionId) {

  public static final String PROCESSED = "PROCESSED";
  public static final String UNMATCHED = "UNMATCHED";
  public static final String SUGGESTED = "SUGGESTED";
  public static final String MATCHED = "MATCHED";
  public static final String NO_MATCH = "NO_MATCH";

  public UUID id() {
    return document.id();
  }

  public UUID teamId() {
    return document.teamId();
  }

  /** Processed and still waiting for its transaction: what a matching run looks at. */
  public boolean isWaiting() {
    return PROCESSED.equals(status)
        && (UNMATCHED.equals(matchStatus) || SUGGESTED.equals(matchStatus));
  }
}
