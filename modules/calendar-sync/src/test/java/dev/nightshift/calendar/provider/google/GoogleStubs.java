package dev.nightshift.calendar.provider.google;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * A WireMock server on a free port standing in for the Calendar API and the token endpoint, with
 * {@code nightshift.calendar.google.*} pointing at it: a test OAuth client, pages of three events
 * and retries that wait milliseconds. Tests get the server through {@link InjectWireMock}.
 */
public class GoogleStubs implements QuarkusTestResourceLifecycleManager {

  public static final String TOKEN_PATH = "/token";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    return Map.ofEntries(
        Map.entry("nightshift.calendar.google.api-url", server.baseUrl()),
        Map.entry("nightshift.calendar.google.token-url", server.baseUrl() + TOKEN_PATH),
        Map.entry("nightshift.calendar.google.client-id", "test-client.apps.example"),
        Map.entry("nightshift.calendar.google.client-secret", "test-client-secret"),
        Map.entry("nightshift.calendar.google.page-size", "3"),
        Map.entry("nightshift.calendar.google.timeout", "2s"),
        Map.entry("nightshift.calendar.google.retry.max-retries", "3"),
        Map.entry("nightshift.calendar.google.retry.initial-delay", "1ms"),
        Map.entry("nightshift.calendar.google.retry.max-delay", "5ms"),
        Map.entry("nightshift.calendar.google.retry.max-retry-after", "10ms"));
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

  /** A payload under {@code src/test/resources/google/}. */
  public static String json(String name) {
    try (InputStream in = GoogleStubs.class.getResourceAsStream("/google/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no fixture google/" + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
