package dev.nightshift.transactions.provider.plaid;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server standing in for Plaid, injected into {@code WireMockServer} fields of the test.
 * Retries wait milliseconds instead of seconds, and a request times out after one second.
 */
public class PlaidWireMock implements QuarkusTestResourceLifecycleManager {

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    String client = PlaidClient.class.getName();
    return Map.of(
        "nightshift.transactions.plaid.base-url",
        server.baseUrl(),
        "nightshift.transactions.plaid.client-id",
        "test-client-id",
        "nightshift.transactions.plaid.secret",
        "test-secret",
        "nightshift.transactions.plaid.timeout",
        "1s",
        client + "/Retry/delay",
        "10",
        client + "/Retry/delayUnit",
        "MILLIS");
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(server, new TestInjector.MatchesType(WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }
}
