package dev.nightshift.transactions.connection;

import dev.nightshift.engine.Engine;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.transactions.provider.BankProvider;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.sync.RevokeTask;
import dev.nightshift.transactions.sync.SetupTask;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Connecting and disconnecting banks. The provider is asked first, outside any transaction; the
 * connection and the run that acts on it then commit together, so no connection is left without its
 * first sync and no deletion without its revocation.
 */
@ApplicationScoped
public class Connecting {

  private final ConnectionStore connections;
  private final Engine engine;

  Connecting(ConnectionStore connections, Engine engine) {
    this.connections = connections;
    this.engine = engine;
  }

  /** Links the bank and starts its first sync; returns the connection and the setup run. */
  public Connected connect(UUID team, BankProvider provider, LinkRequest request) {
    var linked = provider.link(request);
    var connection =
        new BankConnection(
            Ids.next(),
            team,
            provider.id(),
            linked.institutionId(),
            linked.institutionName(),
            linked.credentials().reference(),
            "CONNECTED",
            null,
            null,
            0,
            Instant.now());
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              connections.insert(connection, linked.credentials());
              var run =
                  engine.trigger(
                      SetupTask.ID,
                      new SetupTask.Payload(connection.id()),
                      TriggerOptions.defaults().withTeam(team));
              return new Connected(connections.find(connection.id()).orElseThrow(), run.id());
            });
  }

  /** Deletes the connection with its accounts and transactions, and revokes it at the provider. */
  public UUID disconnect(BankConnection connection) {
    var credentials = connections.credentials(connection.id());
    return QuarkusTransaction.requiringNew()
        .call(
            () -> {
              var run =
                  engine.trigger(
                      RevokeTask.ID,
                      new RevokeTask.Payload(
                          connection.id(),
                          connection.provider(),
                          credentials.reference(),
                          connections.sealFor(connection.id(), credentials.accessToken())),
                      TriggerOptions.defaults().withTeam(connection.teamId()));
              connections.delete(connection.id());
              return run.id();
            });
  }

  /** A connection just made, and its setup run. */
  public record Connected(BankConnection connection, UUID setupRunId) {}
}
