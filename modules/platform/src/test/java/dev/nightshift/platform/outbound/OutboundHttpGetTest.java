package dev.nightshift.platform.outbound;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.WireMock;
import dev.nightshift.platform.outbound.OutboundException.Kind;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * GET shares POST's path through the client (see {@link OutboundHttpTest}); these check what is
 * GET's own: the caller's conditional headers go out and a 304 comes back as an answer. Its own
 * server, so that no request another test leaves running shows up here.
 */
class OutboundHttpGetTest {

  private static WireMockServer server;
  private OutboundHttp http;

  @BeforeAll
  static void startServer() {
    server = new WireMockServer(options().dynamicPort());
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
    http.close();
  }

  @Test
  void aGetSendsTheCallersHeadersAndReturnsA304AsAnAnswer() throws Exception {
    server.stubFor(
        get("/feed.ics")
            .withHeader("If-None-Match", WireMock.equalTo("\"v1\""))
            .willReturn(aResponse().withStatus(304).withHeader("ETag", "\"v1\"")));
    http = client(Map.of("nightshift.outbound.allowed-networks", "127.0.0.1/32"));

    OutboundResponse response = http.get(feed(), Map.of("If-None-Match", "\"v1\""), 1024);

    assertThat(response.status(), equalTo(304));
    assertThat(response.headers().get("etag"), equalTo(List.of("\"v1\"")));
    assertThat(response.body().length, equalTo(0));
    assertThat(server.findAll(getRequestedFor(urlEqualTo("/feed.ics"))), hasSize(1));
  }

  @Test
  void aGetToARefusedAddressIsNeverMade() {
    http = client(Map.of());

    var e = assertThrows(OutboundException.class, () -> http.get(feed(), Map.of(), 1024));

    assertThat(e.kind(), equalTo(Kind.BLOCKED_ADDRESS));
    assertThat(server.getAllServeEvents(), empty());
  }

  private static OutboundHttp client(Map<String, String> properties) {
    OutboundConfig config = OutboundConfigs.of(properties);
    return new OutboundHttp(config, new AddressGuard(config));
  }

  private static URI feed() {
    return URI.create("http://127.0.0.1:" + server.port() + "/feed.ics");
  }
}
