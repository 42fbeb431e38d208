package dev.nightshift.inbox.imap;

import dev.nightshift.platform.outbound.AddressClass;
import java.io.IOException;
import java.net.InetAddress;

/** The IMAP host is, or resolves to, an address the platform's outbound guard refuses. */
final class RefusedAddressException extends IOException {

  RefusedAddressException(String host, InetAddress address, AddressClass refused) {
    super(
        (host.equals(address.getHostAddress())
                ? host + " is "
                : host + " resolves to " + address.getHostAddress() + ", ")
            + refused.description()
            + ", which mailboxes do not reach unless nightshift.outbound.allowed-networks covers"
            + " it");
  }
}
