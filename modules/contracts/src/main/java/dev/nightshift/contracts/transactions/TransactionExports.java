package dev.nightshift.contracts.transactions;

import java.util.List;
import java.util.UUID;

/**
 * The transactions module's answer to "which transactions does this export hold?", so that the
 * exports module pages through them without reading another module's tables.
 */
public interface TransactionExports {

  /**
   * The team's transactions in {@code selection}, newest first (date, then id, both descending),
   * strictly after {@code after} (null for the first page), at most {@code limit}. Each page is its
   * own short query: an export of any size never holds a transaction open or a whole export in
   * memory.
   */
  List<ExportedTransaction> page(
      UUID teamId, TransactionSelection selection, TransactionPosition after, int limit);

  /**
   * How many transactions {@code selection} holds now: the total an export's progress counts to.
   */
  long count(UUID teamId, TransactionSelection selection);
}
