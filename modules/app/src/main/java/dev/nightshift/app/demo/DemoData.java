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
import java.io.IOException;
import org.jboss.logging.Logger;

/**
 * Seeds the demo team, its key, a sandbox bank connection (whose first sync then runs), an inbox
 * invoice and a calendar when {@code nightshift.demo.enabled}. Idempotent: a restart on the same
 * database finds them and changes nothing.
 */
@ApplicationScoped
class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class);
  private static final String SLUG = "demo";
  private static final String SANDBOX_SEED = "demo";

  private final DemoConfig config;
  private final TeamStore teams;
  private final ApiKeyStore keys;
  private final ConnectionStore connections;
  private final Connecting connecting;
  private final Providers providers;
  private final DemoInbox inbox;
  private final DemoCalendar calendar;

  DemoData(
      DemoConfig config,
      TeamStore teams,
      ApiKeyStore keys,
      ConnectionStore connections,
      Connecting connecting,
      Providers providers,
      DemoInbox inbox,
      DemoCalendar calendar) {
    this.config = config;
    this.teams = teams;
    this.keys = keys;
    this.connections = connections;
    this.connecting = connecting;
    this.providers = providers;
    this.inbox = inbox;
    this.calendar = calendar;
  }

  void seed(@Observes StartupEvent start) throws IOException {
    if (!config.enabled()) {
      return;
    }
    var team = teams.findBySlug(SLUG).orElseGet(() -> teams.create(new NewTeam("Demo Team", SLUG)));
    keys.ensure(team.id(), "demo", config.apiKey());
    if (connections.listFor(team.id()).isEmpty()) {
      var connected =
          connecting.connect(
              team.id(), providers.get("sandbox"), new LinkRequest(null, SANDBOX_SEED, null));
      LOG.infof("Demo sandbox bank connected; its first sync is run %s", connected.setupRunId());
    }
    inbox
        .seed(team.id(), SANDBOX_SEED)
        .ifPresent(
            received ->
                LOG.infof(
                    "Demo inbox: sample invoice %s is item %s (%s)",
                    received.fileName(), received.itemId(), received.outcome()));
    calendar.seed(team.id());
    LOG.infof(
        """
        Demo team '%s' (%s), API key %s. Try:
          curl -s -H 'Authorization: Bearer %3$s' http://localhost:8080/api/v1/bank-connections
          curl -s -H 'Authorization: Bearer %3$s' 'http://localhost:8080/api/v1/transactions?limit=5'
          curl -s -H 'Authorization: Bearer %3$s' http://localhost:8080/api/v1/inbox
          curl -s -H 'Authorization: Bearer %3$s' http://localhost:8080/api/v1/calendar-connections
          (then /api/v1/inbox/<id>/suggestions for a match's explanation; README.md has more)""",
        SLUG, team.id(), config.apiKey());
  }
}
