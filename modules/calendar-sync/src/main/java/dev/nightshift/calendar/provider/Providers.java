package dev.nightshift.calendar.provider;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;

/**
 * The remote side as the sync sees it: the {@link CalendarProvider} bean of each {@link
 * ProviderName}, and the OAuth token endpoint. Beans are looked up when first asked for, so the
 * module starts whichever providers are present; asking for a missing one is an error of
 * deployment.
 */
@ApplicationScoped
public class Providers {

  private final Instance<CalendarProvider> providers;
  private final Instance<OAuthTokens> tokens;

  protected Providers(@Any Instance<CalendarProvider> providers, Instance<OAuthTokens> tokens) {
    this.providers = providers;
    this.tokens = tokens;
  }

  public CalendarProvider get(ProviderName name) {
    for (var provider : providers) {
      if (provider.name() == name) {
        return provider;
      }
    }
    throw new IllegalStateException("No calendar provider " + name + " is deployed");
  }

  public OAuthTokens oauth() {
    if (!tokens.isResolvable()) {
      throw new IllegalStateException("No OAuth token endpoint is deployed");
    }
    return tokens.get();
  }
}
