package dev.nightshift.platform.outbound;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.platform.outbound.OutboundException.Kind;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AddressGuardTest {

  private final AddressGuard guard = new AddressGuard(List.of());

  @ParameterizedTest
  @CsvSource({
    "127.0.0.1, LOOPBACK",
    "127.255.255.254, LOOPBACK",
    "::1, LOOPBACK",
    "10.0.0.1, PRIVATE",
    "172.16.0.1, PRIVATE",
    "172.31.255.255, PRIVATE",
    "192.168.1.1, PRIVATE",
    "100.64.0.1, PRIVATE",
    "100.127.255.255, PRIVATE",
    "fd12:3456::1, PRIVATE",
    "fc00::1, PRIVATE",
    "169.254.1.1, LINK_LOCAL",
    "fe80::1, LINK_LOCAL",
    "224.0.0.1, MULTICAST",
    "239.255.255.250, MULTICAST",
    "ff02::1, MULTICAST",
    "169.254.169.254, METADATA",
    "168.63.129.16, METADATA",
    "100.100.100.200, METADATA",
    "fd00:ec2::254, METADATA",
    "0.0.0.0, UNSPECIFIED",
    "0.1.2.3, UNSPECIFIED",
    "::, UNSPECIFIED",
    "255.255.255.255, BROADCAST",
    "240.0.0.1, RESERVED",
    "192.0.2.1, RESERVED",
    "198.18.0.1, RESERVED",
    "2001:db8::1, RESERVED",
    "100::1, RESERVED",
    "4000::1, RESERVED",
    // IPv6 forms that carry an IPv4 address take its class.
    "::ffff:127.0.0.1, LOOPBACK",
    "::ffff:169.254.169.254, METADATA",
    "::127.0.0.1, LOOPBACK",
    "::8.8.8.8, RESERVED",
    "64:ff9b::10.0.0.1, PRIVATE",
    "64:ff9b::169.254.169.254, METADATA",
    "64:ff9b:1::1, PRIVATE",
    "2002:7f00:1::, LOOPBACK",
    "2002:a9fe:a9fe::1, METADATA",
  })
  void refusesEveryClass(String address, AddressClass expected) throws Exception {
    assertThat(guard.refusal(InetAddress.getByName(address)), equalTo(Optional.of(expected)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "1.1.1.1",
        "93.184.216.34",
        "172.32.0.1",
        "100.128.0.1",
        "169.255.0.1",
        "223.255.255.255",
        "2606:4700:4700::1111",
        "64:ff9b::1.1.1.1",
        "2002:101:101::1"
      })
  void permitsPublicAddresses(String address) throws Exception {
    assertThat(guard.refusal(InetAddress.getByName(address)), equalTo(Optional.empty()));
  }

  @Test
  void anIpv4MappedIpv6AddressIsJudgedAsItsIpv4Address() throws Exception {
    byte[] mapped = InetAddress.getByName("::ffff:10.1.2.3").getAddress(); // JDK: 4 bytes
    byte[] bytes = new byte[16];
    bytes[10] = (byte) 0xff;
    bytes[11] = (byte) 0xff;
    System.arraycopy(mapped, 0, bytes, 12, 4);
    InetAddress v6 = Inet6Address.getByAddress(null, bytes, -1);

    assertThat(guard.refusal(v6), equalTo(Optional.of(AddressClass.PRIVATE)));
    assertThat(new AddressGuard(List.of("10.1.0.0/16")).refusal(v6), equalTo(Optional.empty()));
  }

  @Test
  void anAllowedNetworkPermitsWhateverItCovers() throws Exception {
    var allowing =
        new AddressGuard(
            OutboundConfigs.of(
                Map.of(
                    "nightshift.outbound.allowed-networks", "127.0.0.1/32, 10.0.0.0/8,fd00::/8")));

    assertThat(allowing.refusal(address("127.0.0.1")), equalTo(Optional.empty()));
    assertThat(allowing.refusal(address("10.200.3.4")), equalTo(Optional.empty()));
    // Metadata endpoints inside an allowed network are allowed too.
    assertThat(allowing.refusal(address("fd00:ec2::254")), equalTo(Optional.empty()));
    assertThat(allowing.refusal(address("127.0.0.2")), equalTo(Optional.of(AddressClass.LOOPBACK)));
    assertThat(
        allowing.refusal(address("169.254.169.254")), equalTo(Optional.of(AddressClass.METADATA)));
  }

  @Test
  void aBareAddressAllowsThatAddressAlone() throws Exception {
    var allowing = new AddressGuard(List.of("192.168.1.10"));

    assertThat(allowing.refusal(address("192.168.1.10")), equalTo(Optional.empty()));
    assertThat(
        allowing.refusal(address("192.168.1.11")), equalTo(Optional.of(AddressClass.PRIVATE)));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"10.0.0.0/33", "10.0.0.1/8", "intranet", "10.0.0.*", "10.0.0.0-10.0.0.9", ""})
  void anInvalidAllowedNetworkIsRefusedByName(String entry) {
    var e = assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of(entry)));

    assertThat(
        e.getMessage(),
        allOf(
            containsString("nightshift.outbound.allowed-networks"),
            containsString("'" + entry + "'")));
  }

  @Test
  void hostBitsInAnAllowedNetworkAreNamed() {
    var e =
        assertThrows(IllegalArgumentException.class, () -> new AddressGuard(List.of("10.1.2.3/8")));

    assertThat(e.getMessage(), containsString("the network is 10.0.0.0/8"));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://hooks.example.com/nightshift?token=abc",
        "http://93.184.216.34:8080/hook",
        "HTTPS://[2606:4700:4700::1111]/hook"
      })
  void aUrlThatCanBeCalledPasses(String url) {
    assertDoesNotThrow(() -> guard.checkUrl(URI.create(url)));
  }

  @ParameterizedTest
  @CsvSource({
    "ftp://example.com/hook, http:// or https://",
    "example.com/hook, http:// or https://",
    "https://user:secret@example.com/hook, user info",
    "http:///hook, no valid host",
    // java.net.URI itself finds no host in these.
    "https://127.1/hook, no valid host",
    "https://1.2.3.4./hook, no valid host",
    "https://2130706433/hook, four decimal numbers",
    "https://0177.0.0.1/hook, four decimal numbers",
  })
  void aMalformedUrlIsInvalid(String url, String reason) {
    var e = assertThrows(OutboundException.class, () -> guard.checkUrl(URI.create(url)));

    assertThat(e.kind(), equalTo(Kind.INVALID_URL));
    assertThat(e.getMessage(), allOf(containsString(reason), not(containsString("secret"))));
  }

  @ParameterizedTest
  @CsvSource({
    "http://[::1]:8080/hook, LOOPBACK",
    "http://[::ffff:127.0.0.1]/hook, LOOPBACK",
    "http://[fe80::1%25eth0]/hook, LINK_LOCAL",
    "http://0.0.0.0/hook, UNSPECIFIED",
    "https://169.254.169.254/latest/meta-data/, METADATA",
  })
  void everyLiteralForm(String url, AddressClass expected) {
    var e = assertThrows(OutboundException.class, () -> guard.checkUrl(URI.create(url)));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(e.addressClass(), equalTo(Optional.of(expected)));
  }

  @Test
  void aLiteralAddressInARefusedClassIsBlockedEarly() {
    var e =
        assertThrows(
            OutboundException.class,
            () -> guard.checkUrl(URI.create("http://10.0.0.1:8080/hook?token=abc")));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(e.addressClass(), equalTo(Optional.of(AddressClass.PRIVATE)));
    assertThat(e.address(), equalTo(Optional.of("10.0.0.1")));
    assertThat(
        e.getMessage(),
        allOf(
            containsString("10.0.0.1 is a private address"),
            containsString("nightshift.outbound.allowed-networks"),
            not(containsString("token"))));
  }

  private static InetAddress address(String literal) throws Exception {
    return InetAddress.getByName(literal);
  }
}
