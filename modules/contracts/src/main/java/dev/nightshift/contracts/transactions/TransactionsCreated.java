package dev.nightshift.contracts.transactions;

import java.util.List;
import java.util.UUID;

/**
 * Published once per sync that stored new transactions: the payload of the event {@value #NAME}.
 * Consumers (inbox matching, notifications, webhooks) read the ids they need; a redelivery carries
 * the same ids, so reacting twice must be harmless.
 *
 * @param transactionIds the transactions this sync created, not the ones it updated
 */
public record TransactionsCreated(UUID teamId, List<UUID> transactionIds) {

  public static final String NAME = "transactions.created";
}
