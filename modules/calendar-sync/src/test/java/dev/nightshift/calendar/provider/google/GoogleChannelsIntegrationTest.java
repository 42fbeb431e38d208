package dev.nightshift.calendar.provider.google;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.calendar.provider.google.GoogleStubs.json;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nightshift.calendar.LoopbackOutbound;
import dev.nightshift.calendar.PushUrlProfile;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** events.watch and channels.stop against WireMock answering as Calendar API v3. */
@QuarkusTest
@TestProfile(PushUrlProfile.class)
@WithTestResource(PostgresTestResource.class)
@WithTestResource(GoogleStubs.class)
@WithTestResource(LoopbackOutbound.class)
class GoogleChannelsIntegrationTest {

  private static final String WATCH = "/calendar/v3/calendars/primary/events/watch";
  private static final String STOP = "/calendar/v3/channels/stop";
  private static final ProviderAccess ACCESS = new ProviderAccess.OAuth("ya29.test-access-token");
  private static final String CHANNEL = "0b3e8f0c-7d43-4f6e-9a51-2f6c1d9e4a10_4f1c2d3e4a5b6c7d";
  private static final String RESOURCE = "o3hgv1538sdjfh";

  @InjectWireMock WireMockServer wiremock;
  @Inject GoogleChannels channels;

  @BeforeEach
  void reset() {
    wiremock.resetAll();
  }

  @Test
  void aWatchSendsTheChannelAndReadsGooglesExpiry() {
    wiremock.stubFor(post(urlPathEqualTo(WATCH)).willReturn(okJson(channelJson())));

    var opened = channels.watch(ACCESS, "primary", CHANNEL, "the-channel-token");

    assertEquals(
        new GoogleChannels.Opened(CHANNEL, RESOURCE, Instant.ofEpochMilli(1_767_225_600_000L)),
        opened);
    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(WATCH))
            .withHeader("Authorization", equalTo("Bearer ya29.test-access-token"))
            .withHeader("Content-Type", equalTo("application/json"))
            .withRequestBody(
                equalToJson(
                    """
                    {"id": "%s", "type": "web_hook", "address": "%s",
                     "token": "the-channel-token", "params": {"ttl": "604800"}}
                    """
                        .formatted(CHANNEL, PushUrlProfile.PUSH_URL))));
  }

  @Test
  void aCalendarIdIsOnePathSegmentHashAndAll() {
    wiremock.stubFor(
        post(urlPathEqualTo(
                "/calendar/v3/calendars/en.german%23holiday@group.v.calendar.google.com/events/watch"))
            .willReturn(okJson(channelJson())));

    var opened =
        channels.watch(ACCESS, "en.german#holiday@group.v.calendar.google.com", CHANNEL, "t");

    assertEquals(RESOURCE, opened.resourceId());
  }

  @Test
  void aWatchIsRetriedOnA503() {
    wiremock.stubFor(
        post(urlPathEqualTo(WATCH))
            .inScenario("busy")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(errorJson(503, "error-503-backend.json"))
            .willSetStateTo("recovered"));
    wiremock.stubFor(
        post(urlPathEqualTo(WATCH))
            .inScenario("busy")
            .whenScenarioStateIs("recovered")
            .willReturn(okJson(channelJson())));

    assertEquals(RESOURCE, channels.watch(ACCESS, "primary", CHANNEL, "t").resourceId());
    wiremock.verify(2, postRequestedFor(urlPathEqualTo(WATCH)));
  }

  @Test
  void aRefusedWatchIsNotRetried() {
    wiremock.stubFor(
        post(urlPathEqualTo(WATCH)).willReturn(errorJson(400, "error-400-bad-request.json")));

    var refused =
        assertThrows(
            GoogleRefusedException.class, () -> channels.watch(ACCESS, "primary", CHANNEL, "t"));

    assertEquals(400, refused.status());
    wiremock.verify(1, postRequestedFor(urlPathEqualTo(WATCH)));
  }

  @Test
  void aStopSendsTheChannelAndItsResource() {
    wiremock.stubFor(post(urlPathEqualTo(STOP)).willReturn(aResponse().withStatus(204)));

    channels.stop(ACCESS, CHANNEL, RESOURCE);

    wiremock.verify(
        1,
        postRequestedFor(urlPathEqualTo(STOP))
            .withHeader("Authorization", equalTo("Bearer ya29.test-access-token"))
            .withRequestBody(
                equalToJson(
                    """
                    {"id": "%s", "resourceId": "%s"}
                    """
                        .formatted(CHANNEL, RESOURCE))));
  }

  @Test
  void aStopIsTriedOnce() {
    wiremock.stubFor(
        post(urlPathEqualTo(STOP)).willReturn(errorJson(503, "error-503-backend.json")));

    assertThrows(GoogleUnavailableException.class, () -> channels.stop(ACCESS, CHANNEL, RESOURCE));

    wiremock.verify(1, postRequestedFor(urlPathEqualTo(STOP)));
  }

  private static String channelJson() {
    return """
        {"kind": "api#channel", "id": "%s", "resourceId": "%s",
         "resourceUri": "https://www.googleapis.com/calendar/v3/calendars/primary/events?alt=json",
         "token": "the-channel-token", "expiration": "1767225600000"}
        """
        .formatted(CHANNEL, RESOURCE);
  }

  private static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder errorJson(
      int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json; charset=UTF-8")
        .withBody(json(fixture));
  }
}
