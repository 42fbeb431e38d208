package dev.nightshift.transactions.provider;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Map;

/**
 * A WireMock server on a free port standing in for every provider's API, with the providers'
 * settings pointing at it: GoCardless with a test secret, Teller with a throwaway client
 * certificate (plain http here, so the certificate is loaded but never shown), small pages and
 * retries without long waits. Tests get the server through {@link InjectWireMock}.
 */
public class ProviderStubs implements QuarkusTestResourceLifecycleManager {

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    String gocardlessClient = "dev.nightshift.transactions.provider.gocardless.GoCardlessClient";
    String tellerClient = "dev.nightshift.transactions.provider.teller.TellerClient";
    return Map.ofEntries(
        Map.entry("nightshift.transactions.gocardless.base-url", server.baseUrl()),
        Map.entry("nightshift.transactions.gocardless.secret-id", "test-secret-id"),
        Map.entry("nightshift.transactions.gocardless.secret-key", "test-secret-key"),
        Map.entry("nightshift.transactions.gocardless.timeout", "1s"),
        Map.entry("nightshift.transactions.teller.base-url", server.baseUrl()),
        Map.entry("nightshift.transactions.teller.certificate", resource("teller/certificate.pem")),
        Map.entry("nightshift.transactions.teller.private-key", resource("teller/private_key.pem")),
        Map.entry("nightshift.transactions.teller.page-size", "3"),
        Map.entry("nightshift.transactions.teller.signing-secret", "test-signing-secret"),
        // Retries of 5xx back off from 10 ms instead of 500 ms.
        Map.entry(gocardlessClient + "/Retry/delay", "10"),
        Map.entry(tellerClient + "/Retry/delay", "10"));
  }

  @Override
  public void inject(TestInjector injector) {
    injector.injectIntoFields(
        server,
        new TestInjector.AnnotatedAndMatchesType(InjectWireMock.class, WireMockServer.class));
  }

  @Override
  public void stop() {
    if (server != null) {
      server.stop();
    }
  }

  private static String resource(String name) {
    try {
      return Path.of(ProviderStubs.class.getResource("/" + name).toURI()).toString();
    } catch (URISyntaxException impossible) {
      throw new IllegalStateException(impossible);
    }
  }
}
