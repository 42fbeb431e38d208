package dev.nightshift.platform.outbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.arrayContaining;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.net.InetAddress;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class GuardedDnsResolverTest {

  private final AddressGuard guard = new AddressGuard(List.of());

  @Test
  void oneRefusedAnswerAmongPublicOnesRefusesTheHost() throws Exception {
    var resolver = resolvingTo("93.184.216.34", "10.0.0.7");

    var refused =
        assertThrows(GuardedDnsResolver.Refused.class, () -> resolver.resolve("mixed.test"));

    assertThat(refused.reason.addressClass(), equalTo(Optional.of(AddressClass.PRIVATE)));
    assertThat(
        refused.reason.getMessage(),
        containsString("mixed.test resolves to 10.0.0.7, a private address"));
  }

  @Test
  void publicAnswersAreHandedOnInTheirOrder() throws Exception {
    var resolver = resolvingTo("93.184.216.34", "2606:2800:220:1:248:1893:25c8:1946");

    assertThat(
        resolver.resolve("example.test"),
        arrayContaining(
            InetAddress.getByName("93.184.216.34"),
            InetAddress.getByName("2606:2800:220:1:248:1893:25c8:1946")));
  }

  @Test
  void anIpv6LiteralIsCheckedWithoutItsBrackets() {
    var resolver = new GuardedDnsResolver(guard, InetAddress::getAllByName);

    var refused = assertThrows(GuardedDnsResolver.Refused.class, () -> resolver.resolve("[::1]"));

    assertThat(refused.reason.addressClass(), equalTo(Optional.of(AddressClass.LOOPBACK)));
  }

  private GuardedDnsResolver resolvingTo(String... literals) {
    return new GuardedDnsResolver(
        guard,
        host -> {
          var addresses = new InetAddress[literals.length];
          for (int i = 0; i < literals.length; i++) {
            addresses[i] = InetAddress.getByName(literals[i]);
          }
          return addresses;
        });
  }
}
