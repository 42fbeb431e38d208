package dev.nightshift.platform.outbound;

import inet.ipaddr.AddressStringException;
import inet.ipaddr.IPAddress;
import inet.ipaddr.IPAddressString;
import inet.ipaddr.ipv6.IPv6Address;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The kinds of address that outbound HTTP refuses unless an allowed network covers them. IPv6 forms
 * that carry an IPv4 address (IPv4-mapped {@code ::ffff:a.b.c.d}, IPv4-compatible {@code
 * ::a.b.c.d}, NAT64 {@code 64:ff9b::/96}, 6to4 {@code 2002::/16}) take the class of that IPv4
 * address.
 */
public enum AddressClass {
  // Checked in this order: the metadata endpoints sit inside link-local and private networks and
  // are named for what they are; broadcast sits inside 240.0.0.0/4.
  METADATA(
      "a cloud metadata address",
      "169.254.169.254/32",
      "168.63.129.16/32",
      "100.100.100.200/32",
      "fd00:ec2::254/128"),
  LOOPBACK("a loopback address", "127.0.0.0/8", "::1/128"),
  UNSPECIFIED("an unspecified address", "0.0.0.0/8", "::/128"),
  PRIVATE(
      "a private address",
      "10.0.0.0/8",
      "172.16.0.0/12",
      "192.168.0.0/16",
      "100.64.0.0/10",
      "fc00::/7",
      "fec0::/10",
      "64:ff9b:1::/48"),
  LINK_LOCAL("a link-local address", "169.254.0.0/16", "fe80::/10"),
  MULTICAST("a multicast address", "224.0.0.0/4", "ff00::/8"),
  BROADCAST("a broadcast address", "255.255.255.255/32"),
  RESERVED(
      "a reserved address",
      "240.0.0.0/4",
      "192.0.0.0/24",
      "192.0.2.0/24",
      "198.18.0.0/15",
      "198.51.100.0/24",
      "203.0.113.0/24",
      "2001:db8::/32");

  /** Global unicast IPv6; everything outside it that no class names is unassigned or special. */
  private static final IPAddress GLOBAL_UNICAST = network("2000::/3");

  private final String description;
  private final List<IPAddress> networks;

  AddressClass(String description, String... networks) {
    this.description = description;
    this.networks = Arrays.stream(networks).map(AddressClass::network).toList();
  }

  /** For messages: "a loopback address". */
  public String description() {
    return description;
  }

  /** The class of a single address, or empty for an ordinary public address. */
  static Optional<AddressClass> of(IPAddress address) {
    if (address.isIPv6()) {
      IPv6Address v6 = address.toIPv6();
      if (v6.isIPv4Mapped()) {
        return of(v6.getEmbeddedIPv4Address());
      }
      Optional<AddressClass> named = named(v6);
      if (named.isPresent()) {
        return named;
      }
      if (v6.isIPv4Compatible()) {
        // Deprecated since 2006 and routed nowhere: refused even around a public address.
        return of(v6.getEmbeddedIPv4Address()).or(() -> Optional.of(RESERVED));
      }
      if (v6.isWellKnownIPv4Translatable()) {
        return of(v6.getEmbeddedIPv4Address());
      }
      if (v6.is6To4()) {
        return of(v6.get6To4IPv4Address());
      }
      return GLOBAL_UNICAST.contains(v6) ? Optional.empty() : Optional.of(RESERVED);
    }
    return named(address);
  }

  private static Optional<AddressClass> named(IPAddress address) {
    for (AddressClass candidate : values()) {
      for (IPAddress network : candidate.networks) {
        if (network.contains(address)) {
          return Optional.of(candidate);
        }
      }
    }
    return Optional.empty();
  }

  private static IPAddress network(String cidr) {
    try {
      return new IPAddressString(cidr).toAddress();
    } catch (AddressStringException e) {
      throw new IllegalStateException("Bad built-in network " + cidr, e);
    }
  }
}
