package dev.nightshift.inbox.matching.store;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.UUID;

/**
 * A transaction matching proposed for an inbox item, with its scores and what became of it.
 *
 * @param status PENDING (waiting for a person), CONFIRMED (linked), DECLINED (never suggested
 *     again) or UNMATCHED (a link undone: neither suggested nor linked again by matching)
 * @param how who decided last: AUTO (matching alone) or USER
 */
public record Suggestion(
    UUID inboxId,
    UUID transactionId,
    UUID teamId,
    BigDecimal score,
    BigDecimal amountScore,
    BigDecimal dateScore,
    BigDecimal currencyScore,
    BigDecimal vendorScore,
    String explanation,
    String status,
    String how,
    Instant createdAt,
    Instant updatedAt) {

  public static final String PENDING = "PENDING";
  public static final String CONFIRMED = "CONFIRMED";
  public static final String DECLINED = "DECLINED";
  public static final String UNMATCHED = "UNMATCHED";
  public static final String AUTO = "AUTO";
  public static final String USER = "USER";

  /** Declined or undone: matching leaves the pair alone from now on. */
  public boolean isRejected() {
    return DECLINED.equals(status) || UNMATCHED.equals(status);
  }
}
