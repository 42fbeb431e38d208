package dev.nightshift.inbox.imap;

import static dev.nightshift.inbox.imap.Mails.attachment;
import static dev.nightshift.inbox.imap.Mails.forwarded;
import static dev.nightshift.inbox.imap.Mails.html;
import static dev.nightshift.inbox.imap.Mails.inline;
import static dev.nightshift.inbox.imap.Mails.mail;
import static dev.nightshift.inbox.imap.Mails.mixed;
import static dev.nightshift.inbox.imap.Mails.multipart;
import static dev.nightshift.inbox.imap.Mails.nested;
import static dev.nightshift.inbox.imap.Mails.text;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.user.GreenMailUser;
import com.icegreen.greenmail.util.ServerSetup;
import com.icegreen.greenmail.util.ServerSetupTest;
import dev.nightshift.inbox.TestDocuments;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Team mailboxes against a real IMAP server in the test's process (GreenMail on a free loopback
 * port), through the REST API, the worker and intake: which files of which mails become items, what
 * polling again takes, and how a wrong password ends. Each test gets a fresh server and team.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ImapMailboxIntegrationTest {

  private static final String BASE = "/api/v1/inbox/mailboxes";
  private static final String PASSWORD = "s3cret-imap-password";

  @RegisterExtension
  static GreenMailExtension imap =
      new GreenMailExtension(
              new ServerSetup[] {
                ServerSetupTest.IMAP.dynamicPort(), ServerSetupTest.IMAPS.dynamicPort()
              })
          .withConfiguration(
              GreenMailConfiguration.aConfig().withUser("billing@acme.test", "billing", PASSWORD));

  @Inject DataSource dataSource;

  private TestApi api;
  private GreenMailUser user;

  @BeforeEach
  void team() {
    api = TestApi.newTeam();
    user = imap.getUserManager().getUser("billing");
  }

  @Test
  void aPdfAttachmentBecomesAnItemAndPollingAgainTakesOnlyNewMail() throws Exception {
    var invoice = TestDocuments.invoice("Acme GmbH", "A-17", "2026-03-02", "EUR 99.00");
    deliver(
        mail(
            "Acme Billing <billing@acme.example>",
            "Your invoice A-17",
            mixed(
                text("Please find attached."),
                attachment("A-17.pdf", "application/pdf", invoice))));
    var mailbox = create(Map.of());

    var first = pollAndWait(mailbox);
    assertThat(first.getString("status"), equalTo("COMPLETED"));
    assertThat(first.getInt("output.messages"), equalTo(1));
    assertThat(first.getInt("output.created"), equalTo(1));
    var items = items();
    assertThat(items.getList("data"), hasSize(1));
    assertThat(items.getString("data[0].source"), equalTo("IMAP"));
    assertThat(items.getString("data[0].sender"), equalTo("billing@acme.example"));
    assertThat(items.getString("data[0].subject"), equalTo("Your invoice A-17"));
    assertThat(items.getString("data[0].fileName"), equalTo("A-17.pdf"));
    assertThat(items.getString("data[0].contentType"), equalTo("application/pdf"));
    var state = get(mailbox);
    assertThat(state.getString("status"), equalTo("ACTIVE"));
    assertThat(state.getLong("lastUid"), equalTo(1L));
    assertThat(state.get("lastPolledAt"), notNullValue());

    var again = pollAndWait(mailbox);
    assertThat(again.getInt("output.messages"), equalTo(0));
    assertThat(items().getList("data"), hasSize(1));

    deliver(
        mail(
            "Hosting Ltd <invoices@hosting.example>",
            "Invoice 2026-04",
            mixed(
                attachment(
                    "hosting.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Hosting Ltd", "H-4", "2026-04-01", "EUR 12.00")))));
    var third = pollAndWait(mailbox);
    assertThat(third.getInt("output.messages"), equalTo(1));
    assertThat(third.getInt("output.created"), equalTo(1));
    assertThat(third.getLong("output.lastUid"), equalTo(2L));
    assertThat(items().getList("data.fileName"), containsInAnyOrder("A-17.pdf", "hosting.pdf"));
  }

  @Test
  void nestedAndForwardedAttachmentsAreFoundAndLogosTextAndOversizedFilesAreNot() throws Exception {
    var original =
        mail(
            "Supplier <ar@supplier.example>",
            "Invoice S-5",
            mixed(
                text("Invoice attached."),
                attachment(
                    "forwarded.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Supplier", "S-5", "2026-02-10", "EUR 40.00"))));
    var structured =
        mail(
            "Colleague <me@acme.example>",
            "Fwd: Invoice S-5",
            mixed(
                nested(
                    multipart(
                        "alternative",
                        text("See below."),
                        nested(
                            multipart(
                                "related",
                                html("<p>See below.</p><img src=\"cid:logo.png@signature\">"),
                                inline("logo.png", "image/png", TestDocuments.png(800)))))),
                nested(
                    mixed(
                        attachment(
                            "nested.pdf",
                            "application/pdf",
                            TestDocuments.invoice("Nested AG", "N-1", "2026-02-11", "EUR 7.00")))),
                forwarded(original)));
    deliver(structured);
    deliver(Mails.textOnly("Friend <friend@example.org>", "Lunch?"));
    deliver(
        mail(
            "Scanner <scan@acme.example>",
            "Huge scan",
            mixed(attachment("huge.pdf", "application/pdf", oversizedPdf()))));
    var mailbox = create(Map.of());

    var run = pollAndWait(mailbox);

    assertThat(run.getString("status"), equalTo("COMPLETED"));
    assertThat(run.getInt("output.messages"), equalTo(3));
    assertThat(run.getInt("output.created"), equalTo(2));
    assertThat(run.getInt("output.skipped"), equalTo(2));
    assertThat(run.getInt("output.unreadable"), equalTo(0));
    var items = items();
    assertThat(items.getList("data.fileName"), containsInAnyOrder("nested.pdf", "forwarded.pdf"));
    var messageId = structured.getMessageID().replaceAll("^<|>$", "");
    assertThat(
        items.getList("data.referenceId"),
        containsInAnyOrder("imap:" + messageId + "/1", "imap:" + messageId + "/2"));
    assertThat(
        items.getList("data.subject"), containsInAnyOrder("Fwd: Invoice S-5", "Fwd: Invoice S-5"));
    assertThat(get(mailbox).getLong("lastUid"), equalTo(3L));
  }

  @Test
  void aChangedUidValidityReadsTheFolderAgainWithoutDuplicates() throws Exception {
    deliver(
        mail(
            "Acme <billing@acme.example>",
            "Invoice",
            mixed(
                attachment(
                    "a.pdf",
                    "application/pdf",
                    TestDocuments.invoice("Acme", "A-1", "2026-01-01", "EUR 1.00")))));
    var mailbox = create(Map.of());
    pollAndWait(mailbox);
    try (var c = dataSource.getConnection();
        var update =
            c.prepareStatement(
                "UPDATE inbox.mailboxes SET uid_validity = uid_validity + 1, last_uid = 999"
                    + " WHERE id = ?")) {
      update.setObject(1, UUID.fromString(mailbox));
      assertThat(update.executeUpdate(), equalTo(1));
    }

    var run = pollAndWait(mailbox);

    assertThat(run.getInt("output.messages"), equalTo(1));
    assertThat(run.getInt("output.duplicates"), equalTo(1));
    assertThat(run.getInt("output.created"), equalTo(0));
    assertThat(get(mailbox).getLong("lastUid"), equalTo(1L));
  }

  @Test
  void aWrongPasswordIsRefusedOnCreateAndFailsThePollUntilTheMailboxIsDisabled() {
    api.request()
        .contentType("application/json")
        .body(body(Map.of("password", "wrong")))
        .post(BASE)
        .then()
        .statusCode(422)
        .contentType("application/problem+json")
        .body("type", equalTo("urn:nightshift:problem:mailbox-login-failed"))
        .body("detail", containsString("refused the login of billing"));
    var mailbox = create(Map.of("password", "wrong", "verify", false));

    var run = pollAndWait(mailbox);

    assertThat(run.getString("status"), equalTo("FAILED"));
    assertThat(run.getInt("attempt"), equalTo(1));
    var failing = get(mailbox);
    assertThat(failing.getString("status"), equalTo("FAILING"));
    assertThat(failing.getString("lastError"), containsString("refused the login of billing"));
    assertThat(failing.getInt("consecutiveFailures"), equalTo(1));

    pollAndWait(mailbox);
    var disabled = get(mailbox);
    assertThat(disabled.getString("status"), equalTo("DISABLED"));
    assertThat(schedule(disabled.getString("scheduleId")).getBoolean("active"), equalTo(false));
    api.request().post(BASE + "/" + mailbox + "/poll").then().statusCode(409);

    var repaired =
        api.request()
            .contentType("application/json")
            .body(Map.of("password", PASSWORD, "active", true))
            .patch(BASE + "/" + mailbox)
            .then()
            .statusCode(200)
            .extract()
            .jsonPath();
    assertThat(repaired.getString("status"), equalTo("ACTIVE"));
    assertThat(repaired.getInt("consecutiveFailures"), equalTo(0));
    assertThat(schedule(repaired.getString("scheduleId")).getBoolean("active"), equalTo(true));
    assertThat(pollAndWait(mailbox).getString("status"), equalTo("COMPLETED"));
  }

  @Test
  void imapsChecksTheServersCertificate() {
    // GreenMail's IMAPS certificate is self-signed: TLS runs over the guarded socket and fails
    // on trust, as it must.
    api.request()
        .contentType("application/json")
        .body(body(Map.of("security", "SSL", "port", imap.getImaps().getPort())))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:mailbox-tls-failed"))
        .body("detail", containsString("TLS with 127.0.0.1 failed"));
  }

  @Test
  void thePasswordIsSealedInTheDatabaseAndNeverAnswered() throws Exception {
    var created =
        api.request()
            .contentType("application/json")
            .body(body(Map.of()))
            .post(BASE)
            .then()
            .statusCode(201)
            .extract()
            .asString();
    var mailbox = JsonPath.from(created).getString("id");
    var answers =
        List.of(
            created,
            api.request().get(BASE + "/" + mailbox).asString(),
            api.request().get(BASE).asString());
    for (var answer : answers) {
      assertThat(answer, not(containsString(PASSWORD)));
      assertThat(answer, not(containsString("password")));
    }
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement("SELECT password_sealed FROM inbox.mailboxes WHERE id = ?")) {
      select.setObject(1, UUID.fromString(mailbox));
      try (var rs = select.executeQuery()) {
        assertThat(rs.next(), equalTo(true));
        var sealed = rs.getString(1);
        assertThat(sealed, not(containsString(PASSWORD)));
        assertThat(sealed.length() > PASSWORD.length(), equalTo(true));
      }
    }
  }

  @Test
  void anotherTeamSeesNothing() {
    var mailbox = create(Map.of());
    var other = TestApi.newTeam();

    other.request().get(BASE + "/" + mailbox).then().statusCode(404);
    other
        .request()
        .contentType("application/json")
        .body(Map.of("active", false))
        .patch(BASE + "/" + mailbox)
        .then()
        .statusCode(404);
    other.request().post(BASE + "/" + mailbox + "/poll").then().statusCode(404);
    other.request().delete(BASE + "/" + mailbox).then().statusCode(404);
    other.request().get(BASE).then().statusCode(200).body("data", hasSize(0));
    api.request().get(BASE).then().statusCode(200).body("data", hasSize(1));
  }

  @Test
  void deletingAMailboxRemovesItsSchedule() {
    var mailbox = create(Map.of());
    var scheduleId = get(mailbox).getString("scheduleId");
    var schedule = schedule(scheduleId);
    assertThat(schedule.getString("task"), equalTo(ImapPollTask.ID));
    assertThat(schedule.getString("payload.mailboxId"), equalTo(mailbox));

    api.request().delete(BASE + "/" + mailbox).then().statusCode(204);

    api.request().get(BASE + "/" + mailbox).then().statusCode(404);
    TestApi.as(TestApi.ADMIN).get("/api/v1/schedules/" + scheduleId).then().statusCode(404);
  }

  @Test
  void badInputIsAProblemNeverAFailure() {
    for (var host : List.of("10.0.0.7", "169.254.169.254", "127.0.0.2")) {
      api.request()
          .contentType("application/json")
          .body(body(Map.of("host", host, "verify", false)))
          .post(BASE)
          .then()
          .statusCode(422)
          .body("type", equalTo("urn:nightshift:problem:refused-address"));
    }
    api.request()
        .contentType("application/json")
        .body(body(Map.of("host", "not a host!", "verify", false)))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:invalid-mailbox"));
    api.request()
        .contentType("application/json")
        .body(body(Map.of("folder", "Invoices")))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:mailbox-folder-not-found"));
    api.request()
        .contentType("application/json")
        .body(Map.of("host", "127.0.0.1", "username", "billing"))
        .post(BASE)
        .then()
        .statusCode(422)
        .body("type", equalTo("urn:nightshift:problem:invalid-request"));
    api.request()
        .contentType("application/json")
        .body(body(Map.of("security", "CARRIER_PIGEON")))
        .post(BASE)
        .then()
        .statusCode(400);
    create(Map.of());
    api.request()
        .contentType("application/json")
        .body(body(Map.of()))
        .post(BASE)
        .then()
        .statusCode(409);
    api.request()
        .get(BASE + "/not-a-uuid")
        .then()
        .statusCode(400)
        .contentType("application/problem+json");
  }

  private void deliver(MimeMessage message) {
    user.deliver(message);
  }

  private Map<String, Object> body(Map<String, Object> overrides) {
    var body = new HashMap<String, Object>();
    body.put("host", "127.0.0.1");
    body.put("port", imap.getImap().getPort());
    body.put("security", "NONE");
    body.put("username", "billing");
    body.put("password", PASSWORD);
    body.putAll(overrides);
    return body;
  }

  private String create(Map<String, Object> overrides) {
    return api.request()
        .contentType("application/json")
        .body(body(overrides))
        .post(BASE)
        .then()
        .statusCode(201)
        .body("status", equalTo("ACTIVE"))
        .body("password", nullValue())
        .extract()
        .path("id");
  }

  private JsonPath get(String mailbox) {
    return api.request().get(BASE + "/" + mailbox).then().statusCode(200).extract().jsonPath();
  }

  private JsonPath items() {
    return api.request().get("/api/v1/inbox").then().statusCode(200).extract().jsonPath();
  }

  private JsonPath schedule(String id) {
    return TestApi.as(TestApi.ADMIN)
        .get("/api/v1/schedules/" + id)
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  /** Polls now and waits for the run to end. */
  private JsonPath pollAndWait(String mailbox) {
    String run =
        api.request()
            .post(BASE + "/" + mailbox + "/poll")
            .then()
            .statusCode(202)
            .body("mailboxId", equalTo(mailbox))
            .extract()
            .path("runId");
    return await()
        .atMost(Duration.ofSeconds(20))
        .until(
            () -> api.request().get("/api/v1/runs/" + run).then().extract().jsonPath(),
            json -> List.of("COMPLETED", "FAILED").contains(json.getString("status")));
  }

  /** A real PDF over the test limit of 200K (nightshift.inbox.max-document-size). */
  private static byte[] oversizedPdf() throws Exception {
    var lines = new java.util.ArrayList<String>();
    for (int i = 0; i < 40; i++) {
      lines.add("x".repeat(90));
    }
    var pdf = TestDocuments.pdf(lines);
    var padded = new byte[250_000];
    System.arraycopy(pdf, 0, padded, 0, pdf.length);
    return padded;
  }
}
