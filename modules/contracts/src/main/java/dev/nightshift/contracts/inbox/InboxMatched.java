package dev.nightshift.contracts.inbox;

import java.math.BigDecimal;
import java.util.UUID;

/**
 * Published when an inbox item is linked to a transaction: the payload of the event {@value #NAME}.
 *
 * @param how {@code auto} when matching linked it alone, {@code confirmed} when a user did
 * @param score the match's confidence, 0 to 1
 */
public record InboxMatched(
    UUID teamId, UUID inboxId, UUID transactionId, String how, BigDecimal score) {

  public static final String NAME = "inbox.matched";
}
