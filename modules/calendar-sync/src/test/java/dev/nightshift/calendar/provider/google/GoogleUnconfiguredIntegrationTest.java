package dev.nightshift.calendar.provider.google;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderNotConfiguredException;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Without an OAuth client the application starts; only a refresh fails, naming the keys. */
@QuarkusTest
@TestProfile(GoogleUnconfiguredIntegrationTest.NoClient.class)
@WithTestResource(PostgresTestResource.class)
class GoogleUnconfiguredIntegrationTest {

  @Inject OAuthTokens tokens;

  @Test
  void aRefreshNamesTheMissingSettings() {
    var failure =
        assertThrows(ProviderNotConfiguredException.class, () -> tokens.refresh("1//refresh"));

    assertEquals(
        "Google OAuth is not configured: set nightshift.calendar.google.client-id and"
            + " nightshift.calendar.google.client-secret to refresh access tokens",
        failure.getMessage());
  }

  public static class NoClient implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      // Unreachable on purpose: a refresh must fail before any request.
      return Map.of("nightshift.calendar.google.token-url", "http://127.0.0.1:9/token");
    }
  }
}
