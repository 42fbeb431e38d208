package dev.nightshift.platform.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import org.apache.hc.client5.http.DnsResolver;

/**
 * Resolves a host once and hands the connection manager only addresses the guard permits, so the
 * address checked is the address connected to: a name cannot pass the check with one answer and
 * connect with another (DNS rebinding). If any answer is refused, the whole call is: rebinding
 * tricks mix a public answer with a private one and count on the client trying the next.
 */
final class GuardedDnsResolver implements DnsResolver {

  /** The name service; {@link InetAddress#getAllByName} except in tests. */
  interface Lookup {
    InetAddress[] all(String host) throws UnknownHostException;
  }

  /** Carries the refusal through the client, which only lets an UnknownHostException out here. */
  static final class Refused extends UnknownHostException {
    final transient OutboundException reason;

    Refused(OutboundException reason) {
      super(reason.getMessage());
      this.reason = reason;
    }
  }

  private final AddressGuard guard;
  private final Lookup lookup;

  GuardedDnsResolver(AddressGuard guard, Lookup lookup) {
    this.guard = guard;
    this.lookup = lookup;
  }

  @Override
  public InetAddress[] resolve(String host) throws UnknownHostException {
    // IP literals come here too; the JDK parses them without a lookup.
    InetAddress[] addresses = lookup.all(unbracketed(host));
    for (InetAddress address : addresses) {
      Optional<AddressClass> refused = guard.refusal(address);
      if (refused.isPresent()) {
        throw new Refused(OutboundException.blocked(host, address.getHostAddress(), refused.get()));
      }
    }
    return addresses;
  }

  @Override
  public String resolveCanonicalHostname(String host) {
    // Only Kerberos authentication asks for it, and outbound calls never authenticate that way.
    return host;
  }

  private static String unbracketed(String host) {
    return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
  }
}
