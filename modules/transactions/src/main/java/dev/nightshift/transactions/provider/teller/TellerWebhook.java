package dev.nightshift.transactions.provider.teller;

import java.time.Instant;

/**
 * A verified Teller webhook, ready to route: by {@link #enrollmentId()} to the connection whose
 * {@link dev.nightshift.transactions.provider.Credentials#reference()} it is.
 *
 * @param id Teller's event id ({@code wh_...}): the same event may be delivered more than once
 * @param typeName Teller's {@code type}, also for types this version does not know
 * @param enrollmentId {@code payload.enrollment_id}; null for {@code webhook.test}
 * @param reason {@code payload.reason} of a disconnection ({@code disconnected.account_locked},
 *     {@code disconnected.credentials_invalid}, ...), else null
 * @param accountId {@code payload.account_id} of a number verification, else null
 */
public record TellerWebhook(
    String id,
    Type type,
    String typeName,
    Instant timestamp,
    String enrollmentId,
    String reason,
    String accountId) {

  /** What happened. */
  public enum Type {
    /**
     * The enrollment's bank login broke: the connection is disconnected until the user repairs it.
     */
    ENROLLMENT_DISCONNECTED,
    /** Teller found and categorised new transactions: time to sync. */
    TRANSACTIONS_PROCESSED,
    /** A micro-deposit verification of an account number completed or expired. */
    ACCOUNT_NUMBER_VERIFICATION_PROCESSED,
    /** Sent from Teller's dashboard to try the endpoint. */
    TEST,
    /** A type Teller added later: acknowledge and ignore. */
    OTHER;

    static Type of(String typeName) {
      return switch (typeName) {
        case "enrollment.disconnected" -> ENROLLMENT_DISCONNECTED;
        case "transactions.processed" -> TRANSACTIONS_PROCESSED;
        case "account.number_verification.processed" -> ACCOUNT_NUMBER_VERIFICATION_PROCESSED;
        case "webhook.test" -> TEST;
        default -> OTHER;
      };
    }
  }
}
