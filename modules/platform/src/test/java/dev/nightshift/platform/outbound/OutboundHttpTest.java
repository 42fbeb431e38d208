package dev.nightshift.platform.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThan;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import dev.nightshift.platform.outbound.OutboundException.Kind;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The real client against a WireMock server on this machine. Refused addresses never get a
 * connection attempt: the URLs that name other machines' addresses are refused before any socket is
 * opened, and the test server shows that nothing reached it.
 */
class OutboundHttpTest {

  private static final Map<String, String> LOOPBACK_ALLOWED =
      Map.of("nightshift.outbound.allowed-networks", "127.0.0.1/32");
  private static final Map<String, String> JSON = Map.of("Content-Type", "application/json");
  private static final byte[] PING = "{\"ping\":true}".getBytes(StandardCharsets.UTF_8);

  private static WireMockServer server;
  private OutboundHttp http;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort().dynamicHttpsPort());
    server.start();
  }

  @AfterAll
  static void stopServer() {
    server.stop();
  }

  @BeforeEach
  void resetServer() {
    server.resetAll();
  }

  @AfterEach
  void closeClient() {
    if (http != null) {
      http.close();
    }
  }

  @ParameterizedTest
  @CsvSource({
    "http://127.0.0.1:{port}/hook, LOOPBACK",
    "http://[::1]:{port}/hook, LOOPBACK",
    "http://[::ffff:127.0.0.1]:{port}/hook, LOOPBACK",
    "http://0.0.0.0:{port}/hook, UNSPECIFIED",
    "http://10.0.0.1/hook, PRIVATE",
    "http://172.16.0.1/hook, PRIVATE",
    "http://192.168.0.1/hook, PRIVATE",
    "http://100.64.0.1/hook, PRIVATE",
    "http://[fd12::1]/hook, PRIVATE",
    "http://169.254.1.1/hook, LINK_LOCAL",
    "http://[fe80::1]/hook, LINK_LOCAL",
    "http://224.0.0.1/hook, MULTICAST",
    "http://[ff02::1]/hook, MULTICAST",
    "http://169.254.169.254/latest/meta-data/, METADATA",
    "http://[fd00:ec2::254]/latest/meta-data/, METADATA",
    "http://168.63.129.16/machine, METADATA",
    "http://100.100.100.200/latest/meta-data/, METADATA",
    "http://[64:ff9b::a9fe:a9fe]/latest/meta-data/, METADATA",
    "http://255.255.255.255/hook, BROADCAST",
    "http://240.0.0.1/hook, RESERVED",
  })
  void aRefusedAddressIsNeverCalled(String url, AddressClass expected) {
    http = client(Map.of());

    var e = assertThrows(OutboundException.class, () -> http.post(at(url), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(e.addressClass(), equalTo(Optional.of(expected)));
    assertThat(e.getMessage(), containsString(expected.description()));
    assertThat(server.getAllServeEvents(), empty());
  }

  @Test
  void aNameResolvingToLoopbackIsRefused() {
    http = client(Map.of());

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(at("http://localhost:{port}/hook"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(e.addressClass(), equalTo(Optional.of(AddressClass.LOOPBACK)));
    assertThat(e.getMessage(), containsString("localhost resolves to "));
    assertThat(server.getAllServeEvents(), empty());
  }

  @Test
  void oneRefusedAnswerRefusesTheCallEvenAfterAnAllowedOne() {
    // The allowed loopback answer comes first: a client that checked only some answers would
    // connect to the test server.
    http =
        client(
            LOOPBACK_ALLOWED,
            host ->
                new InetAddress[] {
                  InetAddress.getByName("127.0.0.1"), InetAddress.getByName("10.0.0.1")
                });

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(at("http://rebinding.test:{port}/hook"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(e.addressClass(), equalTo(Optional.of(AddressClass.PRIVATE)));
    assertThat(e.getMessage(), containsString("rebinding.test resolves to 10.0.0.1"));
    assertThat(server.getAllServeEvents(), empty());
  }

  @Test
  void anAllowedAddressGetsTheBodyAndHeadersExactlyAndAnswers() throws Exception {
    byte[] sent = randomBytes(10_000);
    byte[] answer = randomBytes(3_000);
    server.stubFor(
        post("/hook")
            .willReturn(
                aResponse()
                    .withStatus(201)
                    .withHeader("X-Reply", "first", "second")
                    .withBody(answer)));
    http = client(LOOPBACK_ALLOWED);
    var headers = new HashMap<String, String>();
    headers.put("Content-Type", "application/json");
    headers.put(
        "X-Nightshift-Signature", "t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e7");

    OutboundResponse response =
        http.post(at("http://127.0.0.1:{port}/hook"), headers, sent, 1 << 20);

    List<LoggedRequest> received = server.findAll(postRequestedFor(urlEqualTo("/hook")));
    assertThat(received, hasSize(1));
    assertArrayEquals(sent, received.get(0).getBody());
    assertThat(received.get(0).getHeader("Content-Type"), equalTo("application/json"));
    assertThat(
        received.get(0).getHeader("X-Nightshift-Signature"),
        equalTo("t=1700000000,v1=5257a869e7ecebeda32affa62cdca3fa51cad7e7"));
    assertThat(received.get(0).getHeader("Content-Length"), equalTo("10000"));
    assertThat(response.status(), equalTo(201));
    assertThat(response.headers().get("x-reply"), equalTo(List.of("first", "second")));
    assertArrayEquals(answer, response.body());
    assertThat(response.truncated(), equalTo(false));
    assertThat(response.duration(), greaterThan(Duration.ZERO));
  }

  @ParameterizedTest
  @ValueSource(strings = {"http://169.254.169.254/latest/meta-data/", "/elsewhere"})
  void aRedirectIsReturnedNotFollowed(String location) throws Exception {
    server.stubFor(
        post("/hook").willReturn(aResponse().withStatus(302).withHeader("Location", location)));
    server.stubFor(post("/elsewhere").willReturn(aResponse().withStatus(200)));
    http = client(LOOPBACK_ALLOWED);

    OutboundResponse response = http.post(at("http://127.0.0.1:{port}/hook"), JSON, PING, 1024);

    assertThat(response.status(), equalTo(302));
    assertThat(response.headers().get("Location"), equalTo(List.of(location)));
    assertThat(server.getAllServeEvents(), hasSize(1));
  }

  @Test
  void aLargeBodyIsCutAtTheLimitAndTheClientStaysUsable() throws Exception {
    byte[] large = randomBytes(5 * 1024 * 1024);
    server.stubFor(post("/large").willReturn(aResponse().withStatus(200).withBody(large)));
    server.stubFor(post("/small").willReturn(aResponse().withStatus(200).withBody("ok")));
    http = client(LOOPBACK_ALLOWED);

    OutboundResponse cut = http.post(at("http://127.0.0.1:{port}/large"), JSON, PING, 1024);
    OutboundResponse next = http.post(at("http://127.0.0.1:{port}/small"), JSON, PING, 1024);

    assertThat(cut.truncated(), equalTo(true));
    assertArrayEquals(Arrays.copyOf(large, 1024), cut.body());
    assertThat(new String(next.body(), StandardCharsets.UTF_8), equalTo("ok"));
    assertThat(next.truncated(), equalTo(false));
  }

  @Test
  void theRestOfACutBodyIsNotRead() throws Exception {
    // 5 MB in 50 chunks over 20 seconds: reading it all would take 20 seconds.
    server.stubFor(
        post("/slow-large")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(randomBytes(5 * 1024 * 1024))
                    .withChunkedDribbleDelay(50, 20_000)));
    http = client(LOOPBACK_ALLOWED);
    long start = System.nanoTime();

    OutboundResponse response =
        http.post(at("http://127.0.0.1:{port}/slow-large"), JSON, PING, 1024);

    assertThat(response.truncated(), equalTo(true));
    assertThat(response.body().length, equalTo(1024));
    assertThat(Duration.ofNanos(System.nanoTime() - start), lessThan(Duration.ofSeconds(5)));
  }

  @Test
  void aBodyOfExactlyTheLimitIsNotTruncated() throws Exception {
    byte[] exact = randomBytes(1024);
    server.stubFor(post("/exact").willReturn(aResponse().withStatus(200).withBody(exact)));
    server.stubFor(post("/empty").willReturn(aResponse().withStatus(204)));
    http = client(LOOPBACK_ALLOWED);

    OutboundResponse full = http.post(at("http://127.0.0.1:{port}/exact"), JSON, PING, 1024);
    OutboundResponse none = http.post(at("http://127.0.0.1:{port}/empty"), JSON, PING, 1024);

    assertArrayEquals(exact, full.body());
    assertThat(full.truncated(), equalTo(false));
    assertThat(none.status(), equalTo(204));
    assertThat(none.body().length, equalTo(0));
    assertThat(none.truncated(), equalTo(false));
  }

  @Test
  void aSilentServerIsAReadTimeout() {
    server.stubFor(post("/silent").willReturn(aResponse().withStatus(200).withFixedDelay(3_000)));
    http = client(with(LOOPBACK_ALLOWED, "nightshift.outbound.read-timeout", "300ms"));

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(at("http://127.0.0.1:{port}/silent"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.READ_TIMEOUT));
    assertThat(e.getMessage(), containsString("127.0.0.1: nothing received for 300ms"));
  }

  @Test
  void aServerThatTricklesIsStoppedAtTheCallTimeout() {
    // A chunk every half second keeps under the read timeout; the whole body would take 10 s.
    server.stubFor(
        post("/trickle")
            .willReturn(
                aResponse()
                    .withStatus(200)
                    .withBody(randomBytes(2_000))
                    .withChunkedDribbleDelay(20, 10_000)));
    http =
        client(
            with(
                with(LOOPBACK_ALLOWED, "nightshift.outbound.call-timeout", "1s"),
                "nightshift.outbound.read-timeout",
                "5s"));
    long start = System.nanoTime();

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(at("http://127.0.0.1:{port}/trickle"), JSON, PING, 1 << 20));

    assertThat(e.kind(), equalTo(Kind.CALL_TIMEOUT));
    assertThat(Duration.ofNanos(System.nanoTime() - start), lessThan(Duration.ofSeconds(4)));
  }

  @Test
  void aClosedPortIsAConnectFailure() throws Exception {
    int closedPort;
    try (var socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
      closedPort = socket.getLocalPort();
    }
    http = client(LOOPBACK_ALLOWED);

    var e =
        assertThrows(
            OutboundException.class,
            () ->
                http.post(
                    URI.create("http://127.0.0.1:" + closedPort + "/hook"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.CONNECT_FAILED));
  }

  @Test
  void anUnknownNameIsAnUnknownHost() {
    http =
        client(
            Map.of(),
            host -> {
              throw new UnknownHostException(host);
            });

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(URI.create("https://nowhere.test/hook"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.UNKNOWN_HOST));
    assertThat(e.host(), equalTo("nowhere.test"));
  }

  @Test
  void anUntrustedCertificateIsATlsFailure() {
    http = client(LOOPBACK_ALLOWED);

    var e =
        assertThrows(
            OutboundException.class,
            () ->
                http.post(
                    URI.create("https://127.0.0.1:" + server.httpsPort() + "/hook"),
                    JSON,
                    PING,
                    1024));

    assertThat(e.kind(), equalTo(Kind.TLS));
  }

  @Test
  void anInvalidUrlIsRefusedBeforeAnyCall() {
    http = client(Map.of());

    var e =
        assertThrows(
            OutboundException.class,
            () -> http.post(URI.create("ftp://files.example.com/hook"), JSON, PING, 1024));

    assertThat(e.kind(), equalTo(Kind.INVALID_URL));
  }

  @Test
  void theClientsOwnHeadersCannotBeSet() {
    http = client(LOOPBACK_ALLOWED);

    assertThrows(
        IllegalArgumentException.class,
        () ->
            http.post(
                at("http://127.0.0.1:{port}/hook"), Map.of("Host", "internal.test"), PING, 1024));
    assertThat(server.getAllServeEvents(), empty());
  }

  private OutboundHttp client(Map<String, String> properties) {
    return client(properties, InetAddress::getAllByName);
  }

  private OutboundHttp client(Map<String, String> properties, GuardedDnsResolver.Lookup lookup) {
    OutboundConfig config = OutboundConfigs.of(properties);
    return new OutboundHttp(config, new AddressGuard(config), lookup);
  }

  private static Map<String, String> with(
      Map<String, String> properties, String key, String value) {
    var copy = new HashMap<>(properties);
    copy.put(key, value);
    return copy;
  }

  private static URI at(String url) {
    return URI.create(url.replace("{port}", Integer.toString(server.port())));
  }

  private static byte[] randomBytes(int size) {
    byte[] bytes = new byte[size];
    new Random(size).nextBytes(bytes);
    return bytes;
  }
}
