package dev.nightshift.platform.outbound;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.AddressStringParameters.RangeParameters;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.IPAddressStringParameters;
import inet.ipaddr.ipv4.IPv4Address;
import inet.ipaddr.ipv6.IPv6Address;
import io.quarkus.runtime.Startup;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Decides which addresses outbound HTTP may reach: every address except those of a refused {@link
 * AddressClass}, unless {@code nightshift.outbound.allowed-networks} covers it. {@link
 * OutboundHttp} asks it about every address a host resolves to; {@link #checkUrl} lets an API
 * refuse a URL when it is saved. Created at start, so that an invalid allowed network fails the
 * start. Thread-safe.
 */
@Startup
@Singleton
public class AddressGuard {

  /** Plain notation only: no ranges, wildcards, masks or inet_aton forms such as 127.1. */
  private static final IPAddressStringParameters PLAIN =
      new IPAddressStringParameters.Builder()
          .allowEmpty(false)
          .allowAll(false)
          .allowSingleSegment(false)
          .allowMask(false)
          .allowPrefixOnly(false)
          .allowWildcardedSeparator(false)
          .setRangeOptions(RangeParameters.NO_RANGE)
          .allow_inet_aton(false)
          .getIPv4AddressParametersBuilder()
          .allowLeadingZeros(false)
          .getParentBuilder()
          .toParams();

  /**
   * A host of digits and dots is meant as an IPv4 address. The JDK's resolver reads forms such as
   * 127.1 or 2130706433 too, so only the plain form is accepted and checked.
   */
  private static final Pattern DIGITS_AND_DOTS = Pattern.compile("[0-9.]+");

  private final List<IPAddress> allowed;

  @Inject
  AddressGuard(OutboundConfig config) {
    this(config.allowedNetworks().orElse(List.of()));
  }

  /**
   * @param allowedNetworks networks in CIDR notation, or single addresses
   * @throws IllegalArgumentException naming the first entry that is not one
   */
  public AddressGuard(List<String> allowedNetworks) {
    var parsed = new ArrayList<IPAddress>();
    for (String entry : allowedNetworks) {
      parsed.add(parseNetwork(entry.strip()));
    }
    this.allowed = List.copyOf(parsed);
  }

  /** Why {@code address} is refused, or empty when outbound HTTP may connect to it. */
  public Optional<AddressClass> refusal(InetAddress address) {
    return refusal(
        address instanceof Inet4Address
            ? new IPv4Address(address.getAddress())
            : new IPv6Address(address.getAddress()));
  }

  private Optional<AddressClass> refusal(IPAddress address) {
    // An IPv4-mapped IPv6 address reaches the IPv4 address, so it is judged as that.
    IPAddress ip =
        address.isIPv6() && address.toIPv6().isIPv4Mapped()
            ? address.toIPv6().getEmbeddedIPv4Address()
            : address;
    for (IPAddress network : allowed) {
      if (network.contains(ip)) {
        return Optional.empty();
      }
    }
    return AddressClass.of(ip);
  }

  /**
   * Checks what can be known of a URL without resolving its host: an absolute http or https URL
   * with a host and no user info, whose host, when it is an address, is not refused. A host name
   * passes here; what it resolves to is checked on every call. IPv4 addresses must be written as
   * four plain decimal numbers: {@code 2130706433} or {@code 127.1} are refused as invalid rather
   * than guessed at.
   *
   * @throws OutboundException of kind {@code INVALID_URL} or {@code BLOCKED_ADDRESS}
   */
  public void checkUrl(URI uri) throws OutboundException {
    String scheme = uri.getScheme();
    String host = uri.getHost();
    if (scheme == null || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
      throw OutboundException.invalidUrl(host, "The URL must start with http:// or https://");
    }
    if (uri.getRawUserInfo() != null) {
      throw OutboundException.invalidUrl(host, "The URL must not contain user info (user@host)");
    }
    if (host == null) {
      throw OutboundException.invalidUrl(null, "The URL has no valid host name");
    }
    Optional<IPAddress> literal = literal(host);
    if (literal.isPresent()) {
      Optional<AddressClass> refused = refusal(literal.get());
      if (refused.isPresent()) {
        throw OutboundException.blockedLiteral(
            host, literal.get().toCanonicalString(), refused.get());
      }
    }
  }

  private static Optional<IPAddress> literal(String host) throws OutboundException {
    boolean ipv6 = host.startsWith("[") && host.endsWith("]");
    if (!ipv6 && !DIGITS_AND_DOTS.matcher(host).matches()) {
      return Optional.empty();
    }
    String text = ipv6 ? host.substring(1, host.length() - 1) : host;
    IPAddress address = new IPAddressString(text, PLAIN).getAddress();
    if (address == null) {
      throw OutboundException.invalidUrl(
          host,
          host
              + " is not an IP address in plain notation"
              + " (IPv4 as four decimal numbers, such as 192.0.2.10)");
    }
    return Optional.of(address);
  }

  private static IPAddress parseNetwork(String entry) {
    IPAddress network;
    try {
      network = new IPAddressString(entry, PLAIN).toAddress();
    } catch (AddressStringException e) {
      throw invalidNetwork(entry, e.getMessage());
    }
    // 10.1.2.3/8 parses as one address with a prefix length, not as the network 10.0.0.0/8.
    if (network.isPrefixed() && !network.isPrefixBlock()) {
      throw invalidNetwork(
          entry,
          "it has host bits set; the network is " + network.toPrefixBlock().toCanonicalString());
    }
    return network;
  }

  private static IllegalArgumentException invalidNetwork(String entry, String why) {
    return new IllegalArgumentException(
        "nightshift.outbound.allowed-networks: '"
            + entry
            + "' is not a network in CIDR notation such as 10.0.0.0/8 or fd00::/8 ("
            + why
            + ")");
  }
}
