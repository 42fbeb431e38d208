package dev.nightshift.transactions.provider.plaid;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Plaid's settings. Without {@code client-id} and {@code secret} the provider is not configured and
 * refuses connections; the application starts all the same.
 */
@ConfigMapping(prefix = "nightshift.transactions.plaid")
public interface PlaidConfig {

  /** The {@code client_id} from Plaid's dashboard (Team settings, Keys). */
  Optional<String> clientId();

  /**
   * The secret of {@link #environment()}: Plaid issues one per environment. From the environment.
   */
  Optional<String> secret();

  /** Which of Plaid's hosts to call when {@link #baseUrl()} is not set. */
  @WithDefault("sandbox")
  Environment environment();

  /** Overrides the host chosen by {@link #environment()} (a proxy, a test server). */
  Optional<URI> baseUrl();

  /**
   * Connect and read timeout of one HTTP request; a timed-out request is retried like a 5xx. Keep
   * it under a minute: the fault-tolerance timeout ends any attempt after 60 seconds.
   */
  @WithDefault("30s")
  Duration timeout();

  /** Plaid's environments and their hosts, as Plaid documents them. */
  enum Environment {
    SANDBOX("https://sandbox.plaid.com"),
    PRODUCTION("https://production.plaid.com");

    private final URI host;

    Environment(String host) {
      this.host = URI.create(host);
    }

    URI host() {
      return host;
    }
  }

  /** The base URL requests go to. */
  default URI baseUri() {
    return baseUrl().orElse(environment().host());
  }
}
