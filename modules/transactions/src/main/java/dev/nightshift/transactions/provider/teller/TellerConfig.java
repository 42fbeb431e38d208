package dev.nightshift.transactions.provider.teller;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * Teller: {@code nightshift.transactions.teller.*}. Teller authenticates the application with a TLS
 * client certificate (required for live data; the sandbox accepts calls without one) and the user
 * with the enrollment's access token. Without a certificate and its key the provider is not
 * configured and connections to it are refused.
 */
@ConfigMapping(prefix = "nightshift.transactions.teller")
public interface TellerConfig {

  /** The API host; tests point it at a stand-in. */
  @WithDefault("https://api.teller.io")
  URI baseUrl();

  /** The PEM file of the client certificate from Teller's dashboard ({@code certificate.pem}). */
  Optional<Path> certificate();

  /** The PEM file of its private key ({@code private_key.pem}), PKCS#8 or PKCS#1. */
  Optional<Path> privateKey();

  /**
   * How long one HTTP request may take to connect, and then to answer. Each provider call is
   * further bounded by its fault-tolerance timeout, 90 seconds.
   */
  @WithDefault("30s")
  Duration timeout();

  /** Transactions asked per page ({@code count}). */
  @WithDefault("100")
  int pageSize();

  /**
   * The webhook signing secret from the application settings in Teller's dashboard: webhooks are
   * refused without it.
   */
  Optional<String> signingSecret();
}
