package dev.nightshift.inbox.export;

import dev.nightshift.contracts.inbox.TransactionAttachment;
import dev.nightshift.contracts.inbox.TransactionAttachments;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The inbox's side of {@link TransactionAttachments}: the team's MATCHED items whose {@code
 * transaction_id} is among the given ids, in one statement served by the unique index {@code
 * items_one_per_transaction (team_id, transaction_id) WHERE match_status = 'MATCHED'}. Suggested,
 * declined and unlinked items are not attachments.
 */
@ApplicationScoped
public class TransactionAttachmentStore implements TransactionAttachments {

  private static final String SELECT =
      "SELECT id, transaction_id, file_name, content_type, size, blob_key FROM inbox.items"
          + " WHERE team_id = ? AND match_status = 'MATCHED' AND transaction_id = ANY (?)"
          + " ORDER BY matched_at, id";

  private final DataSource dataSource;

  TransactionAttachmentStore(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @Override
  public List<TransactionAttachment> of(UUID teamId, Collection<UUID> transactionIds) {
    if (transactionIds.isEmpty()) {
      return List.of();
    }
    var found = new ArrayList<TransactionAttachment>();
    try (var c = dataSource.getConnection();
        var select = c.prepareStatement(SELECT)) {
      select.setObject(1, teamId);
      select.setArray(2, c.createArrayOf("uuid", transactionIds.toArray()));
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          found.add(
              new TransactionAttachment(
                  rs.getObject(1, UUID.class),
                  rs.getObject(2, UUID.class),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getLong(5),
                  rs.getString(6)));
        }
      }
    } catch (SQLException e) {
      throw new IllegalStateException("Could not read the attachments of transactions", e);
    }
    // Grouped by transaction in the caller's order: a stable sort keeps each transaction's
    // documents in the order they were linked, as the statement returned them.
    var position = new HashMap<UUID, Integer>();
    for (var id : transactionIds) {
      position.putIfAbsent(id, position.size());
    }
    found.sort(Comparator.comparing(a -> position.get(a.transactionId())));
    return found;
  }
}
