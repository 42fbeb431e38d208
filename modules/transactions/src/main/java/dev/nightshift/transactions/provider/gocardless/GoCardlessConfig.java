package dev.nightshift.transactions.provider.gocardless;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * GoCardless Bank Account Data: {@code nightshift.transactions.gocardless.*}. Without a secret id
 * and key the provider is not configured and connections to it are refused.
 */
@ConfigMapping(prefix = "nightshift.transactions.gocardless")
public interface GoCardlessConfig {

  /** The secret id of a user secret from the Bank Account Data portal. Unset: provider off. */
  Optional<String> secretId();

  /** The secret key that goes with {@link #secretId()}. Put it in the environment. */
  Optional<String> secretKey();

  /** The API host; tests point it at a stand-in. */
  @WithDefault("https://bankaccountdata.gocardless.com")
  URI baseUrl();

  /**
   * How long one HTTP request may take to connect, and then to answer. Each provider call (token
   * included) is further bounded by its fault-tolerance timeout, 90 seconds.
   */
  @WithDefault("30s")
  Duration timeout();
}
