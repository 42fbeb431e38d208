package dev.nightshift.contracts.inbox;

import java.util.Collection;
import java.util.List;
import java.util.UUID;

/**
 * The inbox's answer to "which documents belong to these transactions?", so that an export packs
 * them without reading another module's tables.
 */
public interface TransactionAttachments {

  /**
   * The team's documents linked to any of {@code transactionIds}, grouped by transaction in the
   * order given, each transaction's in the order they were linked. Other teams' and unknown ids
   * have none.
   */
  List<TransactionAttachment> of(UUID teamId, Collection<UUID> transactionIds);
}
