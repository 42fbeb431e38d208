package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.config.CalendarSyncConfig;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.Providers;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.InstantSource;

/** Opens {@link ProviderSession}s: for a stored connection, or for one being connected. */
@ApplicationScoped
public class ProviderSessions {

  private final Providers providers;
  private final ConnectionStore connections;
  private final CalendarSyncConfig config;

  ProviderSessions(Providers providers, ConnectionStore connections, CalendarSyncConfig config) {
    this.providers = providers;
    this.connections = connections;
    this.config = config;
  }

  /** For a stored connection: refreshed tokens are stored at once, each in its own write. */
  public ProviderSession open(CalendarConnection connection) {
    var provider = providers.get(connection.provider());
    if (connection.provider() == ProviderName.ICS) {
      return ProviderSession.feed(provider, connections.feedUrl(connection.id()));
    }
    return ProviderSession.oauth(
        provider,
        providers.oauth(),
        config.tokenRefreshLead(),
        connections.oauth(connection.id()),
        fresh -> connections.updateTokens(connection.id(), fresh),
        InstantSource.system());
  }

  /** For a Google connection not stored yet: read refreshed tokens back from the session. */
  ProviderSession openNew(OAuthState tokens) {
    return ProviderSession.oauth(
        providers.get(ProviderName.GOOGLE),
        providers.oauth(),
        config.tokenRefreshLead(),
        tokens,
        fresh -> {},
        InstantSource.system());
  }

  /** For an ICS feed not stored yet. */
  ProviderSession openNew(URI feed) {
    return ProviderSession.feed(providers.get(ProviderName.ICS), feed);
  }
}
