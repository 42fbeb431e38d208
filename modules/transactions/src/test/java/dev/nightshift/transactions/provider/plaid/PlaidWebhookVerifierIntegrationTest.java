package dev.nightshift.transactions.provider.plaid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.Credentials;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import org.jose4j.json.JsonUtil;
import org.jose4j.jwk.EcJwkGenerator;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey.OutputControlLevel;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.keys.EllipticCurves;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@link PlaidWebhookVerifier} with a key pair made here: WireMock serves its public half as
 * Plaid's {@code /webhook_verification_key/get} does, the test signs webhooks with the private
 * half. Each test uses its own key id, since the verifier caches keys for the application's life.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PlaidWireMock.class)
class PlaidWebhookVerifierIntegrationTest {

  static final byte[] BODY = PlaidFixtures.bytes("webhooks/sync-updates-available.json");

  @Inject PlaidWebhookVerifier verifier;
  @Inject TeamStore teams;
  @Inject ConnectionStore connections;
  WireMockServer server;

  @BeforeEach
  void reset() {
    server.resetAll();
  }

  @Test
  void aWebhookSignedByPlaidsKeyPassesAndTheKeyIsFetchedOnce() throws Exception {
    var key = servedKey(null);

    verifier.verify(jwt(key, Instant.now(), BODY), BODY);
    verifier.verify(jwt(key, Instant.now(), BODY), BODY);

    server.verify(
        1,
        postRequestedFor(urlEqualTo("/webhook_verification_key/get"))
            .withRequestBody(equalToJson("{\"key_id\": \"" + key.getKeyId() + "\"}")));
  }

  @Test
  void aChangedBodyIsRejected() throws Exception {
    var key = servedKey(null);
    String header = jwt(key, Instant.now(), BODY);
    byte[] changed =
        new String(BODY, StandardCharsets.UTF_8)
            .replace("SYNC_UPDATES_AVAILABLE", "HISTORICAL_UPDATE")
            .getBytes(StandardCharsets.UTF_8);

    var e =
        assertThrows(PlaidWebhookRejectedException.class, () -> verifier.verify(header, changed));
    assertThat(e.getMessage(), containsString("body"));
  }

  @Test
  void aTokenOlderThanFiveMinutesIsRejected() throws Exception {
    var key = servedKey(null);
    String stale = jwt(key, Instant.now().minus(Duration.ofMinutes(6)), BODY);

    assertThrows(PlaidWebhookRejectedException.class, () -> verifier.verify(stale, BODY));
    assertDoesNotThrow(
        () -> verifier.verify(jwt(key, Instant.now().minus(Duration.ofMinutes(4)), BODY), BODY));
  }

  @Test
  void onlyEs256IsAccepted() throws Exception {
    var jws = new JsonWebSignature();
    jws.setPayload(claims(Instant.now(), BODY).toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.HMAC_SHA256);
    jws.setKeyIdHeaderValue(UUID.randomUUID().toString());
    jws.setKey(new HmacKey(new byte[32]));
    String hmac = jws.getCompactSerialization();

    var e = assertThrows(PlaidWebhookRejectedException.class, () -> verifier.verify(hmac, BODY));
    assertThat(e.getMessage(), containsString("ES256"));
    server.verify(0, postRequestedFor(urlEqualTo("/webhook_verification_key/get")));
  }

  @Test
  void aSignatureByAnotherKeyIsRejected() throws Exception {
    var served = servedKey(null);
    var other = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    other.setKeyId(served.getKeyId());

    assertThrows(
        PlaidWebhookRejectedException.class,
        () -> verifier.verify(jwt(other, Instant.now(), BODY), BODY));
  }

  @Test
  void aKeyPlaidDoesNotKnowIsRejected() throws Exception {
    var unknown = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    unknown.setKeyId(UUID.randomUUID().toString());
    server.stubFor(
        post("/webhook_verification_key/get")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-unknown-key.json"))));

    var e =
        assertThrows(
            PlaidWebhookRejectedException.class,
            () -> verifier.verify(jwt(unknown, Instant.now(), BODY), BODY));
    assertThat(e.getMessage(), containsString("no verification key"));
  }

  @Test
  void anExpiredKeyIsRejected() throws Exception {
    var key = servedKey(Instant.now().minus(Duration.ofHours(1)));

    var e =
        assertThrows(
            PlaidWebhookRejectedException.class,
            () -> verifier.verify(jwt(key, Instant.now(), BODY), BODY));
    assertThat(e.getMessage(), containsString("expired"));
  }

  @Test
  void aNewKeyIdRefreshesCachedKeysAndOnesExpiredMeanwhileStopVerifying() throws Exception {
    var old = servedKey(null);
    verifier.verify(jwt(old, Instant.now(), BODY), BODY);
    // Plaid rotates: the old key expires, a new one signs.
    serve(old, Instant.now());
    var current = servedKey(null);

    verifier.verify(jwt(current, Instant.now(), BODY), BODY);

    assertThrows(
        PlaidWebhookRejectedException.class,
        () -> verifier.verify(jwt(old, Instant.now(), BODY), BODY));
  }

  @Test
  void aMissingOrMalformedHeaderIsRejected() {
    assertThrows(PlaidWebhookRejectedException.class, () -> verifier.verify(null, BODY));
    assertThrows(PlaidWebhookRejectedException.class, () -> verifier.verify("not.a.jwt", BODY));
  }

  /** A new key pair whose public half WireMock serves under its key id. */
  @Test
  void theEndpointActsOnlyOnSignedWebhooks() throws Exception {
    var team =
        teams.create(
            new NewTeam("Plaid team", "pl-" + UUID.randomUUID().toString().substring(0, 8)));
    var item = "item-" + UUID.randomUUID();
    var connection =
        new BankConnection(
            Ids.next(),
            team.id(),
            "plaid",
            "ins_1",
            "Bank",
            item,
            "CONNECTED",
            null,
            null,
            0,
            Instant.now());
    connections.insert(connection, new Credentials("access-sandbox-1", item));
    byte[] error =
        ("{\"webhook_type\":\"ITEM\",\"webhook_code\":\"ERROR\",\"item_id\":\""
                + item
                + "\",\"error\":{\"error_type\":\"ITEM_ERROR\",\"error_code\":"
                + "\"ITEM_LOGIN_REQUIRED\",\"error_message\":\"login required\"},"
                + "\"environment\":\"sandbox\"}")
            .getBytes(StandardCharsets.UTF_8);
    var key = servedKey(null);

    given().body(error).post("/webhooks/plaid").then().statusCode(401);
    given()
        .header("Plaid-Verification", jwt(key, Instant.now(), BODY))
        .body(error)
        .post("/webhooks/plaid")
        .then()
        .statusCode(401);
    assertThat(connections.find(connection.id()).orElseThrow().status(), equalTo("CONNECTED"));

    given()
        .header("Plaid-Verification", jwt(key, Instant.now(), error))
        .body(error)
        .post("/webhooks/plaid")
        .then()
        .statusCode(204);
    var after = connections.find(connection.id()).orElseThrow();
    assertThat(after.status(), equalTo("DISCONNECTED"));
    assertThat(after.lastError(), containsString("ITEM_LOGIN_REQUIRED"));
  }

  private EllipticCurveJsonWebKey servedKey(Instant expiredAt) throws Exception {
    var key = EcJwkGenerator.generateJwk(EllipticCurves.P256);
    key.setKeyId(UUID.randomUUID().toString());
    serve(key, expiredAt);
    return key;
  }

  /** Stubs {@code /webhook_verification_key/get} for the key, shaped as Plaid documents. */
  private void serve(EllipticCurveJsonWebKey key, Instant expiredAt) {
    Map<String, Object> jwk = new HashMap<>(key.toParams(OutputControlLevel.PUBLIC_ONLY));
    jwk.put("alg", "ES256");
    jwk.put("use", "sig");
    jwk.put("created_at", Instant.now().minus(Duration.ofDays(30)).getEpochSecond());
    jwk.put("expired_at", expiredAt == null ? null : expiredAt.getEpochSecond());
    Map<String, Object> response = new HashMap<>();
    response.put("key", jwk);
    response.put("request_id", "RZ6Omi1bzzwDaLo");
    server.stubFor(
        post("/webhook_verification_key/get")
            .withRequestBody(equalToJson("{\"key_id\": \"" + key.getKeyId() + "\"}"))
            .willReturn(okJson(JsonUtil.toJson(response))));
  }

  private static String jwt(EllipticCurveJsonWebKey key, Instant issuedAt, byte[] body)
      throws Exception {
    var jws = new JsonWebSignature();
    jws.setPayload(claims(issuedAt, body).toJson());
    jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
    jws.setKeyIdHeaderValue(key.getKeyId());
    jws.setHeader("typ", "JWT");
    jws.setKey(key.getPrivateKey());
    return jws.getCompactSerialization();
  }

  private static JwtClaims claims(Instant issuedAt, byte[] body) throws Exception {
    var claims = new JwtClaims();
    claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
    claims.setClaim(
        "request_body_sha256",
        HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body)));
    return claims;
  }
}
