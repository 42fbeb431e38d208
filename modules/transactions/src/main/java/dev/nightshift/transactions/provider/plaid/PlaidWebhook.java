package dev.nightshift.transactions.provider.plaid;

import java.util.List;

/**
 * A Plaid webhook's body, as far as the transactions module reacts to it.
 *
 * @param type {@code webhook_type}, such as {@code TRANSACTIONS} or {@code ITEM}
 * @param code {@code webhook_code}, such as {@code SYNC_UPDATES_AVAILABLE}
 * @param itemId the Item, which is the connection's {@code Credentials.reference()}
 * @param errorCode the Item's error code ({@code ITEM_LOGIN_REQUIRED} for an {@code ITEM ERROR}),
 *     or null
 * @param removedTransactions ids of {@code TRANSACTIONS_REMOVED}, else empty. Plaid's ids: a posted
 *     transaction that replaced a pending one is stored under the pending one's id
 * @param environment {@code sandbox} or {@code production}
 */
public record PlaidWebhook(
    String type,
    String code,
    String itemId,
    String errorCode,
    String errorMessage,
    List<String> removedTransactions,
    String environment,
    Reaction reaction) {

  /** What the webhook asks of the connection whose reference is {@link #itemId()}. */
  public enum Reaction {
    /** New or changed transactions are ready: sync the connection. */
    SYNC,
    /** Delete {@link #removedTransactions()}. */
    REMOVE_TRANSACTIONS,
    /** The Item lost access, or soon will: mark the connection disconnected. */
    DISCONNECTED,
    /** The user repaired the Item's login: mark the connection connected. */
    CONNECTED,
    /** Nothing the transactions module acts on. */
    NONE
  }
}
