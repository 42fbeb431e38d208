package dev.nightshift.platform.outbound;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** How outbound HTTP to URLs that users typed in behaves: {@code nightshift.outbound.*}. */
@ConfigMapping(prefix = "nightshift.outbound")
public interface OutboundConfig {

  /**
   * Networks in CIDR notation ({@code 10.1.0.0/16}, {@code fd12::/64}; a bare address is one host)
   * that outbound HTTP may reach whatever their class: an allowed network permits everything it
   * covers, cloud metadata addresses included. Empty by default: no loopback, private, link-local
   * or otherwise special address is reached. An entry that is not a network fails the start.
   */
  Optional<List<String>> allowedNetworks();

  /** How long opening a TCP connection (one resolved address) may take. */
  @WithDefault("5s")
  Duration connectTimeout();

  /**
   * The longest silence while waiting for the response or reading it: the socket timeout of every
   * read, the TLS handshake included.
   */
  @WithDefault("15s")
  Duration readTimeout();

  /**
   * The deadline of a whole call, from the wait for a pooled connection to the last byte read. A
   * server that sends a byte every few seconds stays under the read timeout forever; this aborts
   * it.
   */
  @WithDefault("30s")
  Duration callTimeout();

  /** Open connections at most, across all hosts; a call waits for a free one. */
  @WithDefault("200")
  int maxConnections();

  /** Open connections at most to one host and port. */
  @WithDefault("20")
  int maxConnectionsPerHost();
}
