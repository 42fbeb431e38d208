package dev.nightshift.inbox.extraction.cloud;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * A WireMock server standing in for Document AI and a chat completions API, both extractors on and
 * pointed at it, injected into {@code WireMockServer} fields of the test. Reads time out after one
 * second.
 */
public class CloudWireMock implements QuarkusTestResourceLifecycleManager {

  static final String PROCESS_PATH =
      "/v1/projects/nightshift-test/locations/eu/processors/4f1c2b9a7e3d5c10:process";
  static final String ACCESS_TOKEN = "ya29.test-access-token";
  static final String API_KEY = "sk-test-key";

  private WireMockServer server;

  @Override
  public Map<String, String> start() {
    server = new WireMockServer(options().dynamicPort());
    server.start();
    String prefix = "nightshift.inbox.extractors.";
    return Map.ofEntries(
        Map.entry(prefix + "document-ai.enabled", "true"),
        Map.entry(prefix + "document-ai.project", "nightshift-test"),
        Map.entry(prefix + "document-ai.location", "eu"),
        Map.entry(prefix + "document-ai.processor", "4f1c2b9a7e3d5c10"),
        Map.entry(prefix + "document-ai.endpoint", server.baseUrl()),
        Map.entry(prefix + "document-ai.access-token", ACCESS_TOKEN),
        Map.entry(prefix + "openai.enabled", "true"),
        Map.entry(prefix + "openai.base-url", server.baseUrl() + "/v1"),
        Map.entry(prefix + "openai.api-key", API_KEY),
        Map.entry(prefix + "openai.model", "gpt-4o-mini"),
        Map.entry(prefix + "openai.max-text-length", "200"),
        Map.entry("nightshift.outbound.read-timeout", "1s"));
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
