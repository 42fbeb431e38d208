package dev.nightshift.transactions.sync;

import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import java.util.UUID;

/**
 * Revokes a deleted connection's access at its provider. The connection's rows are gone by then, so
 * the payload carries its credentials, the token sealed for the connection's id: a run's payload is
 * stored, and a token must never be stored in the clear.
 */
@ApplicationScoped
@TaskDefinition(id = RevokeTask.ID, concurrencyLimit = 5, maxAttempts = 5)
public class RevokeTask implements Task<RevokeTask.Payload, Boolean> {

  public static final String ID = "transactions-revoke-connection";

  public record Payload(
      @NotNull UUID connectionId,
      @NotBlank String provider,
      String reference,
      String sealedToken) {}

  private final Providers providers;
  private final ConnectionStore connections;

  RevokeTask(Providers providers, ConnectionStore connections) {
    this.providers = providers;
    this.connections = connections;
  }

  @Override
  public Boolean run(Payload payload, TaskContext ctx) {
    var token = connections.openFor(payload.connectionId(), payload.sealedToken());
    providers.get(payload.provider()).revoke(new Credentials(token, payload.reference()));
    return true;
  }
}
