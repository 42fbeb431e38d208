package dev.nightshift.transactions.sync;

import dev.nightshift.engine.StepFunction;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.ProviderAuthException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Records on the connection how its sync failed: refused credentials disconnect it (the exception
 * is non-retryable, so the run stops); anything else counts an error and the run retries.
 */
@ApplicationScoped
class SyncFailures {

  private final ConnectionStore connections;

  SyncFailures(ConnectionStore connections) {
    this.connections = connections;
  }

  <T> T guard(BankConnection connection, StepFunction<T> work) throws Exception {
    try {
      return work.run();
    } catch (ProviderAuthException e) {
      connections.disconnected(connection.id(), e.code() + ": " + e.getMessage());
      throw e;
    } catch (Exception e) {
      connections.failed(connection.id(), String.valueOf(e.getMessage()));
      throw e;
    }
  }
}
