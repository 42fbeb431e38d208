package dev.nightshift.calendar.provider.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.calendar.provider.google.GoogleStubs.TOKEN_PATH;
import static dev.nightshift.calendar.provider.google.GoogleStubs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.OAuthTokens.Grant;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
class GoogleOAuthTokensIntegrationTest {

  private static final String REFRESH_TOKEN = "1//0g-stored-refresh-token";

  @InjectWireMock WireMockServer wiremock;
  @Inject OAuthTokens tokens;

  @BeforeEach
  void reset() {
    wiremock.resetAll();
  }

  @Test
  void aRefreshPostsTheFormGoogleDocuments() {
    wiremock.stubFor(post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(json("token.json"))));
    Instant before = Instant.now();

    Grant grant = tokens.refresh(REFRESH_TOKEN);

    assertEquals("ya29.a0AfB_fresh-access-token", grant.accessToken());
    assertNull(grant.refreshToken(), "Google did not rotate it");
    assertFalse(grant.expiresAt().isBefore(before.plusSeconds(3599)));
    assertFalse(grant.expiresAt().isAfter(Instant.now().plusSeconds(3599)));
    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(TOKEN_PATH))
            .withHeader("Content-Type", containing("application/x-www-form-urlencoded"))
            .withFormParam("grant_type", equalTo("refresh_token"))
            .withFormParam("client_id", equalTo("test-client.apps.example"))
            .withFormParam("client_secret", equalTo("test-client-secret"))
            .withFormParam("refresh_token", equalTo(REFRESH_TOKEN)));
  }

  @Test
  void aRotatedRefreshTokenIsReturned() {
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(okJson(json("token-rotated.json"))));

    Grant grant = tokens.refresh(REFRESH_TOKEN);

    assertEquals("ya29.a0AfB_rotated-access-token", grant.accessToken());
    assertEquals("1//0g-rotated-refresh-token", grant.refreshToken());
  }

  @Test
  void anInvalidGrantRevokesTheConnection() {
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(errorJson(400, "token-invalid-grant.json")));

    var revoked =
        assertThrows(ConnectionRevokedException.class, () -> tokens.refresh(REFRESH_TOKEN));

    assertEquals(
        "Google's token endpoint answered 400 invalid_grant: Token has been expired or revoked.",
        revoked.getMessage());
    wiremock.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void aRefusedClientIsNotRetried() {
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH)).willReturn(errorJson(401, "token-invalid-client.json")));

    var refused = assertThrows(GoogleRefusedException.class, () -> tokens.refresh(REFRESH_TOKEN));

    assertEquals("invalid_client", refused.reason());
    wiremock.verify(1, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  @Test
  void anUnavailableTokenEndpointIsRetried() {
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("flaky")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(503))
            .willSetStateTo("recovered"));
    wiremock.stubFor(
        post(urlPathEqualTo(TOKEN_PATH))
            .inScenario("flaky")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(json("token.json"))));

    Grant grant = tokens.refresh(REFRESH_TOKEN);

    assertEquals("ya29.a0AfB_fresh-access-token", grant.accessToken());
    wiremock.verify(2, postRequestedFor(urlPathEqualTo(TOKEN_PATH)));
  }

  private static ResponseDefinitionBuilder errorJson(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=utf-8")
        .withBody(json(fixture));
  }
}
