package dev.nightshift.app.demo;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;

/** Demo data for a first look; on with the {@code demo} profile ({@code ./nightshift demo}). */
@ConfigMapping(prefix = "nightshift.demo")
public interface DemoConfig {

  /** Seed a demo team at startup. Never in production: its key is published. */
  @WithDefault("false")
  boolean enabled();

  /** The demo team's well-known API key. */
  @WithDefault("nsk_demo_team_key_do_not_use_in_production")
  String apiKey();

  /** Where the demo calendar connection reads its feed: this application's own demo feed. */
  @WithDefault("http://127.0.0.1:${quarkus.http.port:8080}/demo/calendar.ics")
  URI calendarFeedUrl();
}
