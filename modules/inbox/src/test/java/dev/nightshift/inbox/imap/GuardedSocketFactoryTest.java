package dev.nightshift.inbox.imap;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.platform.outbound.AddressGuard;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The check at connect time, which holds whatever the host resolved to when it was saved. */
class GuardedSocketFactoryTest {

  @Test
  void refusesALoopbackAddressNoAllowedNetworkCovers() throws Exception {
    try (var server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      var sockets = new GuardedSocketFactory(new AddressGuard(List.of()));
      var socket = sockets.createSocket();

      var refused =
          assertThrows(
              RefusedAddressException.class,
              () ->
                  socket.connect(new InetSocketAddress("localhost", server.getLocalPort()), 1000));

      assertThat(refused.getMessage(), containsString("a loopback address"));
      assertThat(socket.isConnected(), equalTo(false));
      assertThrows(
          RefusedAddressException.class,
          () -> sockets.createSocket("127.0.0.1", server.getLocalPort()));
    }
  }

  @Test
  void connectsWhereAnAllowedNetworkCoversTheAddress() throws Exception {
    try (var server = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      var sockets = new GuardedSocketFactory(new AddressGuard(List.of("127.0.0.1/32")));

      try (var socket = sockets.createSocket("127.0.0.1", server.getLocalPort())) {
        assertThat(socket.isConnected(), equalTo(true));
      }
    }
  }
}
