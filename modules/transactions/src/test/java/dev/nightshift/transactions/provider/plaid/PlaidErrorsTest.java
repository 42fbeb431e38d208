package dev.nightshift.transactions.provider.plaid;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;

import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlaidErrorsTest {

  @Test
  void itemLoginRequiredMeansTheUserMustReconnect() {
    var e =
        PlaidErrors.toException(400, null, PlaidFixtures.text("error-item-login-required.json"));

    assertThat(e, instanceOf(ProviderAuthException.class));
    assertThat(((ProviderAuthException) e).code(), is("ITEM_LOGIN_REQUIRED"));
    assertThat(e.getMessage(), containsString("HNTDNrA8F1shFEW"));
  }

  @Test
  void rateLimitsCarryRetryAfter() {
    var e = PlaidErrors.toException(429, "7", PlaidFixtures.text("error-rate-limit.json"));

    assertThat(e, instanceOf(ProviderUnavailableException.class));
    assertThat(((ProviderUnavailableException) e).retryAfter(), is(Duration.ofSeconds(7)));
  }

  @Test
  void plaidsFaultsAndBodiesThatAreNotPlaidsAreUnavailability() {
    assertThat(
        PlaidErrors.toException(500, null, PlaidFixtures.text("error-internal.json")),
        instanceOf(ProviderUnavailableException.class));
    var proxy = PlaidErrors.toException(502, null, "<html>Bad gateway</html>");
    assertThat(proxy, instanceOf(ProviderUnavailableException.class));
    assertThat(proxy.getMessage(), is("Plaid answered HTTP 502"));
    assertThat(
        PlaidErrors.toException(
            400,
            null,
            """
            {"error_type": "INSTITUTION_ERROR", "error_code": "INSTITUTION_DOWN",
             "error_message": "this institution is not currently responding", "request_id": "r"}
            """),
        instanceOf(ProviderUnavailableException.class));
  }

  @Test
  void badInputIsTheCallersAndOurOwnMistakesAreIllegalStates() {
    assertThat(
        PlaidErrors.toException(400, null, PlaidFixtures.text("error-invalid-public-token.json")),
        instanceOf(IllegalArgumentException.class));
    assertThat(
        PlaidErrors.toException(
            400,
            null,
            """
            {"error_type": "INVALID_INPUT", "error_code": "INVALID_API_KEYS",
             "error_message": "invalid client_id or secret provided", "request_id": "r"}
            """),
        instanceOf(IllegalStateException.class));
    assertThat(
        PlaidErrors.toException(
            400,
            null,
            """
            {"error_type": "TRANSACTIONS_ERROR",
             "error_code": "TRANSACTIONS_SYNC_MUTATION_DURING_PAGINATION",
             "error_message": "Underlying transaction data changed since last page was fetched.",
             "request_id": "r"}
            """),
        instanceOf(IllegalStateException.class));
  }

  @Test
  void aClientErrorWithoutPlaidsFieldsIsAnIllegalState() {
    var e = PlaidErrors.toException(404, null, "{}");

    assertThat(e, instanceOf(IllegalStateException.class));
    assertThat(e.getMessage(), is("Plaid answered HTTP 404"));
  }

  @Test
  void retryAfterIsSecondsOrAnHttpDate() {
    Instant now = Instant.parse("2026-11-23T10:00:00Z");

    assertThat(PlaidErrors.retryAfter("120", now), is(Duration.ofMinutes(2)));
    assertThat(
        PlaidErrors.retryAfter("Mon, 23 Nov 2026 10:00:30 GMT", now), is(Duration.ofSeconds(30)));
    assertThat(PlaidErrors.retryAfter("Mon, 23 Nov 2026 09:00:00 GMT", now), is(Duration.ZERO));
    assertThat(PlaidErrors.retryAfter("soon", now), nullValue());
    assertThat(PlaidErrors.retryAfter(null, now), nullValue());
  }
}
