package dev.nightshift.app.demo;

import dev.nightshift.platform.apikey.ApiKeyStore;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Seeds the demo team and its key when {@code nightshift.demo.enabled}. Idempotent: a restart on
 * the same database finds them and changes nothing.
 */
@ApplicationScoped
class DemoData {

  private static final Logger LOG = Logger.getLogger(DemoData.class);
  private static final String SLUG = "demo";

  private final DemoConfig config;
  private final TeamStore teams;
  private final ApiKeyStore keys;

  DemoData(DemoConfig config, TeamStore teams, ApiKeyStore keys) {
    this.config = config;
    this.teams = teams;
    this.keys = keys;
  }

  void seed(@Observes StartupEvent start) {
    if (!config.enabled()) {
      return;
    }
    var team = teams.findBySlug(SLUG).orElseGet(() -> teams.create(new NewTeam("Demo Team", SLUG)));
    keys.ensure(team.id(), "demo", config.apiKey());
    LOG.infof(
        """
        Demo team '%s' (%s), API key %s. Try:
          curl -s -H 'Authorization: Bearer %3$s' http://localhost:8080/api/v1/teams/%2$s""",
        SLUG, team.id(), config.apiKey());
  }
}
