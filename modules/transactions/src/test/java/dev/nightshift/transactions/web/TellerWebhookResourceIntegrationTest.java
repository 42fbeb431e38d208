package dev.nightshift.transactions.web;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.engine.runtime.store.RunFilter;
import dev.nightshift.engine.runtime.store.RunReads;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.sync.SyncTask;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** Signed Teller webhooks change what they name; unsigned ones change nothing. */
@QuarkusTest
@TestProfile(TellerWebhookResourceIntegrationTest.WithSecret.class)
@WithTestResource(PostgresTestResource.class)
class TellerWebhookResourceIntegrationTest {

  private static final String SECRET = "teller-signing-secret";

  public static class WithSecret implements QuarkusTestProfile {
    @Override
    public Map<String, String> getConfigOverrides() {
      return Map.of(
          "nightshift.transactions.teller.signing-secret",
          SECRET,
          // The syncs these webhooks start must not run: no Teller answers here.
          "nightshift.worker.enabled",
          "false");
    }
  }

  @Inject TeamStore teams;
  @Inject ConnectionStore connections;
  @Inject RunReads runs;

  @Test
  void signedWebhooksStartASyncOrDisconnectAndUnsignedOnesAreRefused() {
    var enrollment = "enr_" + UUID.randomUUID();
    var connection = connection(enrollment);

    post(
            "{\"id\":\"wh_1\",\"type\":\"transactions.processed\",\"timestamp\":\"2026-11-23T10:00:00Z\","
                + "\"payload\":{\"enrollment_id\":\""
                + enrollment
                + "\"}}",
            true)
        .then()
        .statusCode(204);
    await()
        .atMost(Duration.ofSeconds(10))
        .until(
            () ->
                runs.list(
                            new RunFilter(
                                connection.teamId(), SyncTask.ID, null, null, null, null, null, 10))
                        .size()
                    == 1);

    var disconnect =
        "{\"id\":\"wh_2\",\"type\":\"enrollment.disconnected\",\"timestamp\":\"2026-11-23T10:00:00Z\","
            + "\"payload\":{\"enrollment_id\":\""
            + enrollment
            + "\",\"reason\":\"disconnected.credentials_invalid\"}}";
    post(disconnect, false).then().statusCode(401).contentType("application/problem+json");
    assertThat(connections.find(connection.id()).orElseThrow().status(), equalTo("CONNECTED"));

    post(disconnect, true).then().statusCode(204);
    var after = connections.find(connection.id()).orElseThrow();
    assertThat(after.status(), equalTo("DISCONNECTED"));
    assertThat(after.lastError(), equalTo("Teller: disconnected.credentials_invalid"));

    post("not json", true).then().statusCode(400);
  }

  private BankConnection connection(String enrollment) {
    var team =
        teams.create(
            new NewTeam("Teller team", "tl-" + UUID.randomUUID().toString().substring(0, 8)));
    var connection =
        new BankConnection(
            Ids.next(),
            team.id(),
            "teller",
            "ins_1",
            "Bank",
            enrollment,
            "CONNECTED",
            null,
            null,
            0,
            Instant.now());
    connections.insert(connection, new Credentials("token_" + enrollment, enrollment));
    return connection;
  }

  private static io.restassured.response.Response post(String body, boolean signed) {
    long t = Instant.now().getEpochSecond();
    String signature = signed ? hmac(t + "." + body) : "0".repeat(64);
    return given()
        .header("Teller-Signature", "t=" + t + ",v1=" + signature)
        .contentType("application/json")
        .body(body.getBytes(StandardCharsets.UTF_8))
        .post("/webhooks/teller");
  }

  private static String hmac(String text) {
    try {
      var mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
