package dev.nightshift.transactions.provider.teller;

import static dev.nightshift.transactions.provider.Fixtures.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TellerWebhookParserTest {

  private final TellerWebhookParser parser = new TellerWebhookParser(new ObjectMapper());

  @Test
  void readsTheDocumentedDisconnection() {
    var webhook = parse(json("teller/webhook-enrollment-disconnected.json"));

    assertThat(
        webhook,
        equalTo(
            new TellerWebhook(
                "wh_oiffb5cocakqmksbkg000",
                TellerWebhook.Type.ENROLLMENT_DISCONNECTED,
                "enrollment.disconnected",
                Instant.parse("2023-07-10T03:49:29Z"),
                "enr_oiffb5cocakqmksbkg001",
                "disconnected.account_locked",
                null)));
  }

  @Test
  void readsProcessedTransactionsAndNumberVerifications() {
    var processed =
        parse(
            """
            {"id": "wh_2", "type": "transactions.processed", "timestamp": "2026-04-16T10:00:00Z",
             "payload": {"enrollment_id": "enr_1", "transactions": [{"id": "txn_1"}]}}
            """);
    var verified =
        parse(
            """
            {"id": "wh_3", "type": "account.number_verification.processed",
             "timestamp": "2026-04-16T10:00:00Z",
             "payload": {"enrollment_id": "enr_1", "account_id": "acc_1", "status": "completed"}}
            """);

    assertThat(processed.type(), equalTo(TellerWebhook.Type.TRANSACTIONS_PROCESSED));
    assertThat(processed.enrollmentId(), equalTo("enr_1"));
    assertThat(verified.type(), equalTo(TellerWebhook.Type.ACCOUNT_NUMBER_VERIFICATION_PROCESSED));
    assertThat(verified.accountId(), equalTo("acc_1"));
  }

  @Test
  void aTestEventHasNoEnrollmentAndUnknownTypesAreKeptByName() {
    var test =
        parse(
            "{\"id\": \"wh_4\", \"type\": \"webhook.test\", \"timestamp\": \"2026-04-16T10:00:00Z\","
                + " \"payload\": {}}");
    var later = parse("{\"id\": \"wh_5\", \"type\": \"enrollment.reconnected\", \"payload\": {}}");

    assertThat(test.type(), equalTo(TellerWebhook.Type.TEST));
    assertThat(test.enrollmentId(), nullValue());
    assertThat(later.type(), equalTo(TellerWebhook.Type.OTHER));
    assertThat(later.typeName(), equalTo("enrollment.reconnected"));
  }

  @Test
  void refusesWhatIsNotAWebhook() {
    assertThrows(IllegalArgumentException.class, () -> parse("not json"));
    assertThrows(IllegalArgumentException.class, () -> parse("[]"));
    assertThrows(IllegalArgumentException.class, () -> parse("{\"id\": \"wh_6\"}"));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            parse("{\"id\": \"wh_7\", \"type\": \"webhook.test\", \"timestamp\": \"yesterday\"}"));
  }

  private TellerWebhook parse(String body) {
    return parser.parse(body.getBytes(StandardCharsets.UTF_8));
  }
}
