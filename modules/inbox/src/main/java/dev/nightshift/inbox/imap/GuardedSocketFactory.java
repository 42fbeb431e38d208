package dev.nightshift.inbox.imap;

import dev.nightshift.platform.outbound.AddressGuard;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketAddress;
import java.net.UnknownHostException;
import javax.net.SocketFactory;

/**
 * Plain sockets that connect only to addresses the platform {@link AddressGuard} allows. Jakarta
 * Mail resolves the host into the address it hands to {@link Socket#connect}, so the address
 * checked is the address connected to: a name that resolved to a public address when the mailbox
 * was saved and to a private one now is refused now. TLS (IMAPS, STARTTLS) is layered on top of
 * these sockets by Jakarta Mail.
 */
final class GuardedSocketFactory extends SocketFactory {

  private final AddressGuard guard;

  GuardedSocketFactory(AddressGuard guard) {
    this.guard = guard;
  }

  @Override
  public Socket createSocket() {
    return new GuardedSocket(guard);
  }

  @Override
  public Socket createSocket(String host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(String host, int port, InetAddress localHost, int localPort)
      throws IOException {
    var socket = new GuardedSocket(guard);
    socket.bind(new InetSocketAddress(localHost, localPort));
    socket.connect(new InetSocketAddress(host, port));
    return socket;
  }

  @Override
  public Socket createSocket(InetAddress host, int port) throws IOException {
    return connected(new InetSocketAddress(host, port));
  }

  @Override
  public Socket createSocket(InetAddress address, int port, InetAddress localAddress, int localPort)
      throws IOException {
    var socket = new GuardedSocket(guard);
    socket.bind(new InetSocketAddress(localAddress, localPort));
    socket.connect(new InetSocketAddress(address, port));
    return socket;
  }

  private Socket connected(InetSocketAddress endpoint) throws IOException {
    var socket = new GuardedSocket(guard);
    socket.connect(endpoint);
    return socket;
  }

  /** {@link Socket#connect(SocketAddress)} ends up here too. */
  private static final class GuardedSocket extends Socket {

    private final AddressGuard guard;

    GuardedSocket(AddressGuard guard) {
      this.guard = guard;
    }

    @Override
    public void connect(SocketAddress endpoint, int timeout) throws IOException {
      if (endpoint instanceof InetSocketAddress target) {
        if (target.isUnresolved()) {
          throw new UnknownHostException(target.getHostString() + " does not resolve");
        }
        var refused = guard.refusal(target.getAddress());
        if (refused.isPresent()) {
          close();
          throw new RefusedAddressException(
              target.getHostString(), target.getAddress(), refused.get());
        }
      }
      super.connect(endpoint, timeout);
    }
  }
}
