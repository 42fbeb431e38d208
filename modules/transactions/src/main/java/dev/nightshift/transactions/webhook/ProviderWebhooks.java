package dev.nightshift.transactions.webhook;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.sync.SyncTask;
import dev.nightshift.transactions.transaction.TransactionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * What a verified provider webhook changes, for the connections it names by their item or
 * enrollment id. Webhooks about unknown references are logged and ignored: a deleted connection's
 * provider may still send a few.
 */
@ApplicationScoped
public class ProviderWebhooks {

  private static final Logger LOG = Logger.getLogger(ProviderWebhooks.class);

  private final ConnectionStore connections;
  private final TransactionStore transactions;
  private final Engine engine;

  ProviderWebhooks(ConnectionStore connections, TransactionStore transactions, Engine engine) {
    this.connections = connections;
    this.transactions = transactions;
    this.engine = engine;
  }

  /**
   * New or changed transactions wait at the provider: the team syncs. Webhooks of one minute share
   * one sync (the idempotency key), since providers send them in bursts.
   */
  public int transactionsChanged(String provider, String reference) {
    var minute = Instant.now().truncatedTo(ChronoUnit.MINUTES);
    int triggered = 0;
    for (var connection : named(provider, reference)) {
      if (!connection.connected()) {
        continue;
      }
      var team = connection.teamId();
      engine.trigger(
          SyncTask.ID,
          new SyncTask.Payload(team),
          TriggerOptions.defaults()
              .withTeam(team)
              .withConcurrencyKey(team.toString())
              .withIdempotencyKey("webhook:" + provider + ":" + reference + ":" + minute, null));
      triggered++;
    }
    return triggered;
  }

  /** The provider withdrew transactions. */
  public int transactionsRemoved(String provider, String reference, List<String> providerIds) {
    int removed = 0;
    for (var connection : named(provider, reference)) {
      removed += transactions.deleteByProviderIds(connection.teamId(), provider, providerIds);
    }
    return removed;
  }

  /** The provider no longer grants access: syncs stop until the user reconnects. */
  public void disconnected(String provider, String reference, String reason) {
    named(provider, reference).forEach(c -> connections.disconnected(c.id(), reason));
  }

  /** Access works again (Plaid's LOGIN_REPAIRED). */
  public void reconnected(String provider, String reference) {
    named(provider, reference).forEach(c -> connections.reconnected(c.id()));
  }

  private List<BankConnection> named(String provider, String reference) {
    var found = connections.byReference(provider, reference);
    if (found.isEmpty()) {
      LOG.infof("A %s webhook names %s, which no connection has; ignored", provider, reference);
    }
    return found;
  }
}
