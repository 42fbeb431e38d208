package dev.nightshift.calendar.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The real providers failing while a connection is made: the client learns why with a problem,
 * never a 500, and nothing is stored. Also the push endpoint's checks that need no connection.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ConnectFailuresIntegrationTest {

  private static final String CONNECTIONS = "/api/v1/calendar-connections";

  private TestApi api;

  @BeforeEach
  void setUp() {
    api = TestApi.newTeam();
  }

  @Test
  void aFeedAtAnAddressOutboundHttpRefusesIsRefusedAndNothingIsStored() {
    api.request()
        .contentType("application/json")
        .body(Map.of("provider", "ics", "url", "http://127.0.0.1:9/private.ics"))
        .post(CONNECTIONS)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:connection-refused"));
    api.request().get(CONNECTIONS).then().statusCode(200).body("data.size()", equalTo(0));
  }

  @Test
  void googleWithoutAnOAuthClientIsUnavailableHereNotTheClientsFault() {
    // The token expires at once, so connecting must refresh it: that needs the OAuth client.
    api.request()
        .contentType("application/json")
        .body(
            Map.of(
                "provider", "google",
                "name", "ada@example.com",
                "accessToken", "ya29.expired",
                "refreshToken", "1//refresh",
                "expiresAt", Instant.now().toString()))
        .post(CONNECTIONS)
        .then()
        .statusCode(503)
        .body("type", equalTo("urn:nightshift:problem:provider-not-configured"))
        .body("detail", containsString("nightshift.calendar.google.client-id"));
    api.request().get(CONNECTIONS).then().statusCode(200).body("data.size()", equalTo(0));
  }

  @Test
  void aPushNotificationWithoutAChannelIdIsABadRequest() {
    given()
        .header("X-Goog-Channel-Token", "anything")
        .header("X-Goog-Resource-ID", "resource")
        .header("X-Goog-Resource-State", "exists")
        .header("X-Goog-Message-Number", "1")
        .post("/webhooks/google-calendar")
        .then()
        .statusCode(400)
        .body("type", equalTo("urn:nightshift:problem:invalid-notification"));
  }
}
