package dev.nightshift.webhooks.delivery;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import dev.nightshift.testkit.PostgresTestResource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Events become signed deliveries to a real HTTP endpoint on loopback, through the real worker and
 * event relay; retries run in milliseconds (test configuration: 3 attempts, 2 failed deliveries in
 * a row disable a subscription).
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class WebhookDeliveryIntegrationTest {

  private static final String ADMIN = "test-admin-key";

  @Inject Events events;
  @Inject Deliveries deliveries;
  @Inject ObjectMapper json;

  private Receiver receiver;
  private String team;

  @BeforeEach
  void start() throws Exception {
    receiver = new Receiver();
    team = createTeam();
  }

  @AfterEach
  void stop() {
    receiver.close();
  }

  @Test
  void deliversWhatASubscriptionWantsSignedOverTheExactBytes() throws Exception {
    var secret = "whsec_" + Base64.getEncoder().encodeToString(new byte[32]).replace('A', 'k');
    var subscription = subscribe("/signed", List.of("transactions.*"), secret);

    events.publish("inbox.matched", UUID.fromString(team), Map.of("inboxId", "i-1"));
    events.publish(
        "transactions.created", UUID.fromString(team), Map.of("transactionIds", List.of("t-1")));

    var delivery = awaitDeliveries(subscription, "succeeded", 1).getFirst();
    var received = receiver.received("/signed");
    assertThat(received, hasSize(1));
    var request = received.getFirst();
    var body = json.readTree(request.body());
    assertThat(body.path("type").asText(), equalTo("transactions.created"));
    assertThat(body.path("data").path("transactionIds").get(0).asText(), equalTo("t-1"));
    assertThat(body.path("id").asText(), equalTo(delivery.getString("id")));
    assertThat(request.header("webhook-id"), equalTo(delivery.getString("id")));
    assertThat(request.header("Content-Type"), equalTo("application/json"));
    assertThat(request.header("X-Nightshift-Event"), equalTo("transactions.created"));

    // Verified as a receiver would, with nothing of Nightshift's code.
    var signed = request.header("webhook-id") + "." + request.header("webhook-timestamp") + ".";
    var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    assertThat(
        request.header("webhook-signature"),
        equalTo(
            "v1," + Base64.getEncoder().encodeToString(hmac(key, concat(signed, request.body())))));
    assertThat(
        request.header("X-Signature-256"),
        equalTo(
            "sha256="
                + HexFormat.of()
                    .formatHex(hmac(secret.getBytes(StandardCharsets.UTF_8), request.body()))));

    var detail =
        admin()
            .get("/api/v1/webhook-deliveries/" + delivery.getString("id"))
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(detail.getString("status"), equalTo("succeeded"));
    assertThat(detail.getInt("attempts.size()"), equalTo(1));
    assertThat(detail.getInt("attempts[0].statusCode"), equalTo(200));
    assertThat(detail.getString("attempts[0].responseBody"), equalTo("{\"received\":true}"));
    assertThat(detail.getList("attempts[0].responseHeaders.X-receiver"), contains("test"));
    assertThat(detail.getString("body.type"), equalTo("transactions.created"));
  }

  @Test
  void retriesUntilTheEndpointAcceptsWithTheSameIdEveryTime() {
    receiver.answering(500, 503);
    var subscription = subscribe("/flaky", List.of("transactions.created"), null);

    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));

    var delivery = awaitDeliveries(subscription, "succeeded", 1).getFirst();
    var detail = detail(delivery.getString("id"));
    assertThat(detail.getList("attempts.statusCode"), contains(500, 503, 200));
    var requests = receiver.received("/flaky");
    assertThat(
        requests.stream().map(r -> r.header("webhook-id")).distinct().toList(),
        contains(delivery.getString("id")));
    assertThat(
        requests.stream().map(r -> r.header("X-Nightshift-Attempt")).toList(),
        contains("1", "2", "3"));
    assertThat(subscription(subscription).getInt("consecutiveFailures"), equalTo(0));
  }

  @Test
  void waitsAsLongAsABusyEndpointAsks() {
    receiver.answering(429).askingToRetryAfter("2");
    var subscription = subscribe("/busy", List.of("*"), null);

    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));

    var delivery = awaitDeliveries(subscription, "succeeded", 1).getFirst();
    var attempts = detail(delivery.getString("id"));
    assertThat(attempts.getList("attempts.statusCode"), contains(429, 200));
    // The tests' backoff is 50 ms; the endpoint asked for 2 s, so the retry came no sooner.
    var first = Instant.parse(attempts.getString("attempts[0].attemptedAt"));
    var second = Instant.parse(attempts.getString("attempts[1].attemptedAt"));
    assertThat(
        Duration.between(first, second).compareTo(Duration.ofSeconds(2)) >= 0, equalTo(true));
  }

  @Test
  void failsAfterItsAttemptsAndTwoFailuresInARowDisableTheSubscription() {
    receiver.answering(500, 500, 500, 500, 500, 500);
    var subscription = subscribe("/down", List.of("*"), null);

    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));
    awaitDeliveries(subscription, "failed", 1);
    assertThat(subscription(subscription).getBoolean("active"), equalTo(true));
    assertThat(subscription(subscription).getInt("consecutiveFailures"), equalTo(1));

    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 2));
    awaitDeliveries(subscription, "failed", 2);

    var disabled = subscription(subscription);
    assertThat(disabled.getBoolean("active"), equalTo(false));
    assertThat(disabled.getString("disabledReason"), equalTo("failing"));
    assertThat(
        detail(deliveryIds(subscription).getFirst()).getList("attempts.statusCode"),
        contains(500, 500, 500));
    assertThat(disabledEvents(), hasItem(subscription));
  }

  @Test
  void goneDisablesTheSubscriptionAtOnce() {
    receiver.answering(410);
    var subscription = subscribe("/gone", List.of("*"), null);

    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));

    var delivery = awaitDeliveries(subscription, "failed", 1).getFirst();
    assertThat(detail(delivery.getString("id")).getList("attempts.statusCode"), contains(410));
    assertThat(subscription(subscription).getString("disabledReason"), equalTo("gone"));
    assertThat(disabledEvents(), hasItem(subscription));

    // A disabled subscription receives nothing more, and cannot be redelivered to until activated.
    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 2));
    admin()
        .contentType("application/json")
        .body(Map.of("since", "2020-01-01T00:00:00Z"))
        .post("/api/v1/webhook-subscriptions/" + subscription + "/redeliver")
        .then()
        .statusCode(409);
    admin()
        .contentType("application/json")
        .body(Map.of("active", true))
        .patch("/api/v1/webhook-subscriptions/" + subscription)
        .then()
        .statusCode(200);
    assertThat(subscription(subscription).getString("disabledReason"), nullValue());
  }

  @Test
  void redeliversOneDeliveryAndEveryFailedOneSinceATime() {
    var since = Instant.now();
    receiver.answering(500, 500, 500);
    var subscription = subscribe("/later", List.of("*"), null);
    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));
    var failed = awaitDeliveries(subscription, "failed", 1).getFirst().getString("id");

    admin().post("/api/v1/webhook-deliveries/" + failed + "/redeliver").then().statusCode(202);
    awaitDeliveries(subscription, "succeeded", 1);
    assertThat(detail(failed).getList("attempts.statusCode"), contains(500, 500, 500, 200));
    assertThat(subscription(subscription).getInt("consecutiveFailures"), equalTo(0));

    receiver.answering(500, 500, 500);
    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 2));
    awaitDeliveries(subscription, "failed", 1);
    var redelivered =
        admin()
            .contentType("application/json")
            .body(Map.of("since", since.toString()))
            .post("/api/v1/webhook-subscriptions/" + subscription + "/redeliver")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();
    assertThat(redelivered.getInt("redelivered"), equalTo(1));
    awaitDeliveries(subscription, "succeeded", 2);
  }

  @Test
  void pingsAnEndpointWhateverItSubscribedTo() {
    var subscription = subscribe("/ping", List.of("inbox.matched"), null);

    var ping =
        admin()
            .post("/api/v1/webhook-subscriptions/" + subscription + "/ping")
            .then()
            .statusCode(202)
            .extract()
            .jsonPath();

    assertThat(ping.getString("eventName"), equalTo("webhook.ping"));
    awaitDeliveries(subscription, "succeeded", 1);
    assertThat(
        receiver.received("/ping").getFirst().header("X-Nightshift-Event"),
        equalTo("webhook.ping"));
    // A delivery being tried cannot be redelivered; a finished one can.
    admin()
        .post("/api/v1/webhook-deliveries/" + ping.getString("id") + "/redeliver")
        .then()
        .statusCode(202);
  }

  @Test
  void bothSecretsSignDuringARotationsOverlap() throws Exception {
    var subscription = subscribe("/rotated", List.of("*"), null);
    var old =
        admin()
            .get("/api/v1/webhook-subscriptions/" + subscription + "/secret")
            .then()
            .statusCode(200)
            .extract()
            .path("secret")
            .toString();

    var rotated =
        admin()
            .contentType("application/json")
            .body(Map.of("overlap", "PT1H"))
            .post("/api/v1/webhook-subscriptions/" + subscription + "/secret/rotate")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    var next = rotated.getString("secret");
    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));
    awaitDeliveries(subscription, "succeeded", 1);

    var request = receiver.received("/rotated").getFirst();
    var signed =
        concat(
            request.header("webhook-id") + "." + request.header("webhook-timestamp") + ".",
            request.body());
    assertThat(
        request.header("webhook-signature"),
        equalTo("v1," + standard(next, signed) + " v1," + standard(old, signed)));

    admin()
        .contentType("application/json")
        .body(Map.of("overlap", "PT0S"))
        .post("/api/v1/webhook-subscriptions/" + subscription + "/secret/rotate")
        .then()
        .statusCode(200)
        .body("previousExpiresAt", nullValue());
  }

  @Test
  void oneEndpointReceivesOneDeliveryAtATime() {
    receiver.slowedBy(Duration.ofMillis(100));
    var subscription = subscribe("/slow", List.of("*"), null);

    for (int i = 0; i < 6; i++) {
      events.publish("transactions.created", UUID.fromString(team), Map.of("n", i));
    }

    awaitDeliveries(subscription, "succeeded", 6);
    assertThat(receiver.mostInFlight(), equalTo(1));
  }

  @Test
  void manyEventsToManySubscriptionsAreEachDeliveredOnce() {
    var paths = List.of("/many/0", "/many/1", "/many/2", "/many/3", "/many/4");
    var subscriptionIds = paths.stream().map(path -> subscribe(path, List.of("*"), null)).toList();

    // Published one by one, so that fan-outs of the same subscriptions run side by side.
    for (int i = 0; i < 40; i++) {
      events.publish("transactions.created", UUID.fromString(team), Map.of("n", i));
    }

    for (var subscription : subscriptionIds) {
      awaitDeliveries(subscription, "succeeded", 40);
    }
    for (var path : paths) {
      var received = receiver.received(path);
      var numbers =
          received.stream()
              .map(r -> toTree(r.body()).path("data").path("n").asInt())
              .distinct()
              .count();
      assertThat(numbers, equalTo(40L));
      assertThat(received.size(), equalTo(40));
    }
  }

  @Test
  void anEventTheRelayHandsOverTwiceMakesOneDelivery() {
    var subscription = subscribe("/once", List.of("*"), null);
    var event =
        new Event(
            UUID.randomUUID(),
            "transactions.created",
            UUID.fromString(team),
            json.createObjectNode(),
            Instant.now());

    assertThat(deliveries.fanOut(event), equalTo(1));
    assertThat(deliveries.fanOut(event), equalTo(0));

    awaitDeliveries(subscription, "succeeded", 1);
  }

  @Test
  void refusesWhatCannotBeDelivered() {
    for (var url :
        List.of(
            "ftp://example.com/hook",
            "http://10.1.2.3/hook",
            "http://169.254.169.254/latest",
            "http://[::1]/hook",
            "not a url")) {
      admin()
          .contentType("application/json")
          .body(Map.of("team", team, "url", url, "events", List.of("*")))
          .post("/api/v1/webhook-subscriptions")
          .then()
          .statusCode(422)
          .contentType("application/problem+json");
    }
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "team", team, "url", receiver.url("/x"), "events", List.of("Transactions.Created")))
        .post("/api/v1/webhook-subscriptions")
        .then()
        .statusCode(422);
    admin()
        .contentType("application/json")
        .body(
            Map.of(
                "team",
                team,
                "url",
                receiver.url("/x"),
                "events",
                List.of("*"),
                "secret",
                "hunter2"))
        .post("/api/v1/webhook-subscriptions")
        .then()
        .statusCode(422);
    admin()
        .contentType("application/json")
        .body(Map.of("team", team, "url", receiver.url("/x")))
        .post("/api/v1/webhook-subscriptions")
        .then()
        .statusCode(422);
  }

  @Test
  void aTeamSeesOnlyItsOwnSubscriptionsAndDeliveries() {
    var subscription = subscribe("/mine", List.of("*"), null);
    events.publish("transactions.created", UUID.fromString(team), Map.of("n", 1));
    var delivery = awaitDeliveries(subscription, "succeeded", 1).getFirst().getString("id");

    var other = issueKey(createTeam());
    as(other).get("/api/v1/webhook-subscriptions/" + subscription).then().statusCode(404);
    as(other)
        .get("/api/v1/webhook-subscriptions/" + subscription + "/secret")
        .then()
        .statusCode(404);
    as(other)
        .post("/api/v1/webhook-subscriptions/" + subscription + "/ping")
        .then()
        .statusCode(404);
    as(other).get("/api/v1/webhook-deliveries/" + delivery).then().statusCode(404);
    as(other).post("/api/v1/webhook-deliveries/" + delivery + "/redeliver").then().statusCode(404);
    as(other).get("/api/v1/webhook-deliveries").then().statusCode(200).body("data", hasSize(0));
    as(other).get("/api/v1/webhook-subscriptions").then().statusCode(200).body("data", hasSize(0));
  }

  private String subscribe(String path, List<String> wanted, String secret) {
    var body =
        new java.util.HashMap<String, Object>(
            Map.of("team", team, "url", receiver.url(path), "events", wanted));
    if (secret != null) {
      body.put("secret", secret);
    }
    var created =
        admin()
            .contentType("application/json")
            .body(body)
            .post("/api/v1/webhook-subscriptions")
            .then()
            .statusCode(201)
            .extract()
            .jsonPath();
    assertThat(created.getString("secret").startsWith("whsec_"), equalTo(true));
    return created.getString("id");
  }

  private List<JsonPath> awaitDeliveries(String subscription, String status, int count) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> deliveries(subscription, status).size() >= count);
    return deliveries(subscription, status);
  }

  private List<JsonPath> deliveries(String subscription, String status) {
    var page =
        admin()
            .queryParam("team", team)
            .queryParam("subscription", subscription)
            .queryParam("status", status)
            .get("/api/v1/webhook-deliveries")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    List<Map<String, Object>> data = page.getList("data");
    return data.stream().map(d -> new JsonPath(toJson(d))).toList();
  }

  private List<String> deliveryIds(String subscription) {
    return admin()
        .queryParam("team", team)
        .queryParam("subscription", subscription)
        .get("/api/v1/webhook-deliveries")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.id");
  }

  private JsonPath detail(String delivery) {
    return admin()
        .get("/api/v1/webhook-deliveries/" + delivery)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private JsonPath subscription(String id) {
    return admin()
        .get("/api/v1/webhook-subscriptions/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private List<String> disabledEvents() {
    return admin()
        .queryParam("team", team)
        .queryParam("name", "webhook.disabled")
        .get("/api/v1/events")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath()
        .getList("data.payload.subscriptionId");
  }

  private com.fasterxml.jackson.databind.JsonNode toTree(byte[] body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private String toJson(Object value) {
    try {
      return json.writeValueAsString(value);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private static String standard(String secret, byte[] signed) throws GeneralSecurityException {
    var key = Base64.getDecoder().decode(secret.substring("whsec_".length()));
    return Base64.getEncoder().encodeToString(hmac(key, signed));
  }

  private static byte[] hmac(byte[] key, byte[] data) throws GeneralSecurityException {
    var mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(key, "HmacSHA256"));
    return mac.doFinal(data);
  }

  private static byte[] concat(String prefix, byte[] body) {
    var head = prefix.getBytes(StandardCharsets.UTF_8);
    var all = new byte[head.length + body.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(body, 0, all, head.length, body.length);
    return all;
  }

  private static RequestSpecification admin() {
    return as(ADMIN);
  }

  private static RequestSpecification as(String key) {
    return given().header("Authorization", "Bearer " + key);
  }

  private static String createTeam() {
    String slug = "t-" + UUID.randomUUID().toString().substring(0, 8);
    return admin()
        .contentType("application/json")
        .body(Map.of("name", slug, "slug", slug))
        .post("/api/v1/teams")
        .then()
        .statusCode(201)
        .extract()
        .path("id");
  }

  private static String issueKey(String team) {
    return admin()
        .contentType("application/json")
        .body(Map.of("name", "test"))
        .post("/api/v1/teams/" + team + "/keys")
        .then()
        .statusCode(201)
        .extract()
        .path("key");
  }
}
