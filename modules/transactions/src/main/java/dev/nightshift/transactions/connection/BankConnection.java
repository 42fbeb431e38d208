package dev.nightshift.transactions.connection;

import java.time.Instant;
import java.util.UUID;

/**
 * A team's link to a bank through a provider, as the API shows it: the access token is never shown.
 *
 * @param status CONNECTED, or DISCONNECTED once the provider refused the credentials
 * @param errorCount failed syncs in a row; 0 after a sync succeeds
 */
public record BankConnection(
    UUID id,
    UUID teamId,
    String provider,
    String institutionId,
    String institutionName,
    String reference,
    String status,
    Instant lastSyncedAt,
    String lastError,
    int errorCount,
    Instant createdAt) {

  public boolean connected() {
    return "CONNECTED".equals(status);
  }
}
