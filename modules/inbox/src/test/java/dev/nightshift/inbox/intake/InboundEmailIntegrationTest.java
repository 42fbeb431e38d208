package dev.nightshift.inbox.intake;

import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;

import dev.nightshift.inbox.TestDocuments;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Postmark's inbound webhook, end to end over HTTP: routing by recipient, authentication, which
 * attachments become items, idempotent redelivery and bad input.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class InboundEmailIntegrationTest {

  @Inject MeterRegistry meters;

  private static final String HOOK = "/webhooks/postmark/inbound";

  private TestApi api;
  private String address;

  @BeforeEach
  void team() {
    api = TestApi.newTeam();
    address =
        api.request().get("/api/v1/inbox/address").then().statusCode(200).extract().path("address");
  }

  @Test
  void documentAttachmentsBecomeItemsAndTheRestIsSkippedWithReasons() throws Exception {
    double skippedBefore = received("skipped");
    var messageId = UUID.randomUUID().toString();
    var mail =
        mail(
            messageId,
            address,
            List.of(
                attachment(
                    "invoice.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Acme GmbH", "A-1", "2026-11-02", "EUR 120.00"),
                    null),
                attachment("logo.png", "image/png", TestDocuments.png(40_000), "logo@mail"),
                attachment("pixel.png", "image/png", TestDocuments.png(300), null),
                attachment(
                    "invite.ics",
                    "text/calendar",
                    "BEGIN:VCALENDAR\nEND:VCALENDAR\n".getBytes(),
                    null)));

    var answer =
        given()
            .queryParam("token", "test-inbound-token")
            .contentType("application/json")
            .body(mail)
            .post(HOOK)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();

    assertThat(
        answer.getList("attachments.outcome"),
        equalTo(List.of("CREATED", "SKIPPED", "SKIPPED", "SKIPPED")));
    assertThat(answer.getString("attachments[1].reason"), containsString("ContentID"));
    assertThat(received("skipped") - skippedBefore, equalTo(3.0));
    assertThat(answer.getString("attachments[2].reason"), containsString("logo or signature"));
    assertThat(answer.getString("attachments[3].reason"), containsString("text/calendar"));
    var itemId = answer.getString("attachments[0].itemId");
    var item =
        api.request().get("/api/v1/inbox/" + itemId).then().statusCode(200).extract().jsonPath();
    assertThat(item.getString("source"), equalTo("EMAIL"));
    assertThat(item.getString("sender"), equalTo("billing@acme.example"));
    assertThat(item.getString("subject"), equalTo("Invoice A-1"));
    assertThat(item.getString("contentType"), equalTo("application/pdf"));
    assertThat(item.getString("referenceId"), equalTo(messageId + "/0"));
    assertThat(item.getString("processRunId"), notNullValue());
    assertThat(item.getString("blobKey"), equalTo(null));

    var again =
        given()
            .header("Authorization", basic("postmark", "test-inbound-password"))
            .contentType("application/json")
            .body(mail)
            .post(HOOK)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(again.getString("attachments[0].outcome"), equalTo("DUPLICATE"));
    assertThat(again.getString("attachments[0].itemId"), equalTo(itemId));
    assertThat(
        api.request()
            .get("/api/v1/inbox")
            .then()
            .statusCode(200)
            .extract()
            .jsonPath()
            .getList("data"),
        hasSize(1));
  }

  @Test
  void aPlusTagAndACopyStillReachTheTeam() throws Exception {
    var local = address.substring(0, address.indexOf('@'));
    var tagged = local + "+receipts" + address.substring(address.indexOf('@'));
    var mail =
        mail(
            UUID.randomUUID().toString(),
            "someone@elsewhere.example",
            List.of(
                attachment(
                    "r.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Shop AB", "R-9", "2026-11-03", "SEK 99.00"),
                    null)));
    mail.put(
        "CcFull",
        List.of(Map.of("Email", tagged.toUpperCase(), "Name", "", "MailboxHash", "receipts")));

    var answer = post(mail).then().statusCode(200).extract().jsonPath();

    assertThat(answer.getString("attachments[0].outcome"), equalTo("CREATED"));
  }

  @Test
  void refusesWhatItCannotTake() throws Exception {
    var mail = mail(UUID.randomUUID().toString(), address, List.of());
    given()
        .contentType("application/json")
        .body(mail)
        .post(HOOK)
        .then()
        .statusCode(401)
        .contentType("application/problem+json");
    given()
        .queryParam("token", "wrong")
        .contentType("application/json")
        .body(mail)
        .post(HOOK)
        .then()
        .statusCode(401);
    given()
        .header("Authorization", basic("postmark", "wrong"))
        .contentType("application/json")
        .body(mail)
        .post(HOOK)
        .then()
        .statusCode(401);

    var stranger = mail(UUID.randomUUID().toString(), "nobody@inbox.nightshift.local", List.of());
    post(stranger).then().statusCode(403).body("type", containsString("unknown-inbox-address"));

    given()
        .queryParam("token", "test-inbound-token")
        .contentType("application/json")
        .body("{\"From\": \"a@b\", \"Attachments\": [")
        .post(HOOK)
        .then()
        .statusCode(400)
        .contentType("application/problem+json")
        .body("type", containsString("invalid-email"));
    given()
        .queryParam("token", "test-inbound-token")
        .contentType("application/json")
        .body("[1, 2]")
        .post(HOOK)
        .then()
        .statusCode(400);
    given()
        .queryParam("token", "test-inbound-token")
        .contentType("application/json")
        .body("")
        .post(HOOK)
        .then()
        .statusCode(400);

    var noId = mail(null, address, List.of());
    post(noId).then().statusCode(400).body("detail", containsString("MessageID"));

    var huge =
        mail(
            UUID.randomUUID().toString(),
            address,
            List.of(attachment("big.pdf", "application/pdf", new byte[450_000], null)));
    post(huge).then().statusCode(413).contentType("application/problem+json");
  }

  @Test
  void anOversizedOrBrokenAttachmentIsSkippedAndTheOthersKept() throws Exception {
    var big = TestDocuments.png(250_000);
    var mail =
        mail(
            UUID.randomUUID().toString(),
            address,
            List.of(
                attachment("scan.png", "image/png", big, null),
                attachment(
                    "invoice.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Acme", "A-2", "2026-11-02", "EUR 10.00"),
                    null)));
    ((List<Map<String, Object>>) mail.get("Attachments"))
        .add(
            Map.of(
                "Name",
                "broken.pdf",
                "Content",
                "%%% not base64 %%%",
                "ContentType",
                "application/pdf"));

    var answer = post(mail).then().statusCode(200).extract().jsonPath();

    assertThat(
        answer.getList("attachments.outcome"), equalTo(List.of("SKIPPED", "CREATED", "SKIPPED")));
    assertThat(answer.getString("attachments[0].reason"), containsString("max-document-size"));
    assertThat(answer.getString("attachments[2].reason"), containsString("base64"));
  }

  private double received(String outcome) {
    var counter =
        meters
            .find("nightshift.inbox.received")
            .tags("source", "email", "outcome", outcome)
            .counter();
    return counter == null ? 0 : counter.count();
  }

  private static io.restassured.response.Response post(Map<String, Object> mail) {
    return given()
        .queryParam("token", "test-inbound-token")
        .contentType("application/json")
        .body(mail)
        .post(HOOK);
  }

  private static Map<String, Object> mail(
      String messageId, String to, List<Map<String, Object>> attachments) {
    var mail = new java.util.HashMap<String, Object>();
    mail.put("From", "billing@acme.example");
    mail.put("FromFull", Map.of("Email", "billing@acme.example", "Name", "Acme Billing"));
    mail.put("To", to);
    mail.put("ToFull", List.of(Map.of("Email", to, "Name", "", "MailboxHash", "")));
    mail.put("Subject", "Invoice A-1");
    if (messageId != null) {
      mail.put("MessageID", messageId);
    }
    mail.put("TextBody", "Please find your invoice attached.");
    mail.put("Attachments", new ArrayList<>(attachments));
    return mail;
  }

  private static Map<String, Object> attachment(
      String name, String type, byte[] content, String contentId) {
    var a = new java.util.HashMap<String, Object>();
    a.put("Name", name);
    a.put("Content", Base64.getEncoder().encodeToString(content));
    a.put("ContentType", type);
    a.put("ContentLength", content.length);
    if (contentId != null) {
      a.put("ContentID", contentId);
    }
    return a;
  }

  private static String basic(String user, String password) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":" + password).getBytes());
  }
}
