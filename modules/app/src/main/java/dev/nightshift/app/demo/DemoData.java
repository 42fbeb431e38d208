package dev.nightshift.app.demo;

import dev.nightshift.platform.apikey.ApiKeyStore;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.transactions.connection.Connecting;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.Providers;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Seeds the demo team, its key and a sandbox bank connection (whose first sync then runs) when
 * {@code nightshift.demo.enabled}. Idempotent: a restart on the same database finds them and
 * changes nothing.
 */
@ApplicationScoped
class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class);
  private static final String SLUG = "demo";

  private final DemoConfig config;
  private final TeamStore teams;
  private final ApiKeyStore keys;
  private final ConnectionStore connections;
  private final Connecting connecting;
  private final Providers providers;

  DemoData(
      DemoConfig config,
      TeamStore teams,
      ApiKeyStore keys,
      ConnectionStore connections,
      Connecting connecting,
      Providers providers) {
    this.config = config;
    this.teams = teams;
    this.keys = keys;
    this.connections = connections;
    this.connecting = connecting;
    this.providers = providers;
  }

  void seed(@Observes StartupEvent start) {
    if (!config.enabled()) {
      return;
    }
    var team = teams.findBySlug(SLUG).orElseGet(() -> teams.create(new NewTeam("Demo Team", SLUG)));
    keys.ensure(team.id(), "demo", config.apiKey());
    if (connections.listFor(team.id()).isEmpty()) {
      var connected =
          connecting.connect(
              team.id(), providers.get("sandbox"), new LinkRequest(null, "demo", null));
      LOG.infof("Demo sandbox bank connected; its first sync is run %s", connected.setupRunId());
    }
    LOG.infof(
        """
        Demo team '%s' (%s), API key %s. Try:
          curl -s -H 'Authorization: Bearer %3$s' http://localhost:8080/api/v1/bank-connections
          curl -s -H 'Authorization: Bearer %3$s' 'http://localhost:8080/api/v1/transactions?limit=5'""",
        SLUG, team.id(), config.apiKey());
  }
}
