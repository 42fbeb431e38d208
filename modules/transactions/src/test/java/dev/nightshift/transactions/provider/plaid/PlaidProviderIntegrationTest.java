package dev.nightshift.transactions.provider.plaid;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.comparesEqualTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ConnectionStatus;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.TransactionStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link PlaidProvider} against WireMock serving Plaid's documented responses. */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(PlaidWireMock.class)
class PlaidProviderIntegrationTest {

  static final Credentials CREDENTIALS =
      new Credentials(
          "access-sandbox-de3ce8ef-33f8-452c-a685-8671031fc0f6",
          "M5eVJqLnv3tbzdngLDp9FL5OlDNxlNhlE55op");
  static final ProviderAccount CHECKING =
      new ProviderAccount(
          "BxBXxLj1m4HMXBm9WZZmCWVbPjX16EHwv99vp",
          "Plaid Checking",
          AccountType.DEPOSITORY,
          "USD",
          null,
          null);

  @Inject PlaidProvider plaid;
  @Inject CircuitBreakerMaintenance circuits;
  WireMockServer server;

  @BeforeEach
  void reset() {
    server.resetAll();
    circuits.resetAll();
  }

  @Test
  void linkExchangesThePublicTokenAndNamesTheInstitution() {
    server.stubFor(
        post("/item/public_token/exchange")
            .withHeader("PLAID-CLIENT-ID", equalTo("test-client-id"))
            .withHeader("PLAID-SECRET", equalTo("test-secret"))
            .withRequestBody(
                equalToJson("{\"public_token\": \"public-sandbox-b0e2c4ee-a763-4df5-bfe9\"}"))
            .willReturn(okJson(PlaidFixtures.text("exchange.json"))));
    server.stubFor(
        post("/item/get")
            .withRequestBody(
                equalToJson("{\"access_token\": \"" + CREDENTIALS.accessToken() + "\"}"))
            .willReturn(okJson(PlaidFixtures.text("item-get.json"))));

    var linked = plaid.link(new LinkRequest("public-sandbox-b0e2c4ee-a763-4df5-bfe9", null, null));

    assertThat(linked.credentials(), is(CREDENTIALS));
    assertThat(linked.institutionId(), is("ins_109508"));
    assertThat(linked.institutionName(), is("First Platypus Bank"));
  }

  @Test
  void anExpiredPublicTokenIsBadInput() {
    server.stubFor(
        post("/item/public_token/exchange")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-invalid-public-token.json"))));

    assertThrows(
        IllegalArgumentException.class,
        () -> plaid.link(new LinkRequest("public-sandbox-expired", null, null)));
    server.verify(1, postRequestedFor(urlEqualTo("/item/public_token/exchange")));
  }

  @Test
  void accountsWithTheirBalances() {
    server.stubFor(
        post("/accounts/get").willReturn(okJson(PlaidFixtures.text("accounts-get.json"))));

    List<ProviderAccount> accounts = plaid.accounts(CREDENTIALS);

    assertThat(accounts, hasSize(5));
    assertThat(accounts.get(0).type(), is(AccountType.DEPOSITORY));
    assertThat(accounts.get(0).balance(), comparesEqualTo(new BigDecimal("100")));
    assertThat(accounts.get(2).type(), is(AccountType.CREDIT));
    assertThat(accounts.get(2).balance(), comparesEqualTo(new BigDecimal("410")));
  }

  @Test
  void transactionsArePagedWithPlaidsCursorPerAccount() {
    String secondPage =
        PlaidFixtures.read("transactions-sync-page-1.json", PlaidApi.TransactionsSyncResponse.class)
            .nextCursor();
    server.stubFor(
        post("/transactions/sync")
            .withRequestBody(matchingJsonPath("$[?(!@.cursor)]"))
            .withRequestBody(matchingJsonPath("$.options.account_id", equalTo(CHECKING.id())))
            .withRequestBody(matchingJsonPath("$.options.include_original_description"))
            .willReturn(okJson(PlaidFixtures.text("transactions-sync-page-1.json"))));
    server.stubFor(
        post("/transactions/sync")
            .withRequestBody(matchingJsonPath("$.cursor", equalTo(secondPage)))
            .willReturn(okJson(PlaidFixtures.text("transactions-sync-page-2.json"))));

    List<ProviderTransaction> all = new ArrayList<>();
    List<String> cursors = new ArrayList<>();
    String cursor = null;
    do {
      var page = plaid.transactions(CREDENTIALS, CHECKING, LocalDate.of(2026, 10, 1), cursor);
      all.addAll(page.transactions());
      cursor = page.nextCursor();
      cursors.add(cursor);
    } while (cursor != null);

    assertThat(cursors, contains(secondPage, null));
    assertThat(
        all.stream().map(t -> t.name() + " " + t.status() + " " + t.amount()).toList(),
        contains(
            "Starbucks PENDING -4.33",
            "ACME PAYROLL POSTED 2500.0",
            "Starbucks POSTED -4.33",
            "MEDIAMARKT BERLIN POSTED -1299.0",
            "MONTHLY ACCOUNT FEE POSTED -2.5",
            "Rent Nov POSTED -1800.0"));
    // Stored by id, the posted coffee replaces the pending one.
    assertThat(all.get(2).id(), is(all.get(0).id()));
    assertThat(all.get(2).status(), is(TransactionStatus.POSTED));
  }

  @Test
  void itemLoginRequiredIsAnAuthErrorAndNotRetried() {
    server.stubFor(
        post("/accounts/get")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-item-login-required.json"))));

    var e = assertThrows(ProviderAuthException.class, () -> plaid.accounts(CREDENTIALS));

    assertThat(e.code(), is("ITEM_LOGIN_REQUIRED"));
    server.verify(1, postRequestedFor(urlEqualTo("/accounts/get")));
  }

  @Test
  void rateLimitedCallsAreRetriedAfterRetryAfter() {
    server.stubFor(
        post("/accounts/get")
            .inScenario("rate limit")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(429)
                    .withHeader("Retry-After", "1")
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-rate-limit.json")))
            .willSetStateTo("calm"));
    server.stubFor(
        post("/accounts/get")
            .inScenario("rate limit")
            .whenScenarioStateIs("calm")
            .willReturn(okJson(PlaidFixtures.text("accounts-get.json"))));

    assertThat(plaid.accounts(CREDENTIALS), hasSize(5));
    server.verify(2, postRequestedFor(urlEqualTo("/accounts/get")));
  }

  @Test
  void serverErrorsAndDroppedConnectionsAreRetried() {
    server.stubFor(
        post("/transactions/sync")
            .inScenario("flaky")
            .whenScenarioStateIs(STARTED)
            .willReturn(
                aResponse()
                    .withStatus(500)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-internal.json")))
            .willSetStateTo("reset"));
    server.stubFor(
        post("/transactions/sync")
            .inScenario("flaky")
            .whenScenarioStateIs("reset")
            .willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER))
            .willSetStateTo("slow"));
    server.stubFor(
        post("/transactions/sync")
            .inScenario("flaky")
            .whenScenarioStateIs("slow")
            .willReturn(
                okJson(PlaidFixtures.text("transactions-sync-page-2.json")).withFixedDelay(1500))
            .willSetStateTo("up"));
    server.stubFor(
        post("/transactions/sync")
            .inScenario("flaky")
            .whenScenarioStateIs("up")
            .willReturn(okJson(PlaidFixtures.text("transactions-sync-page-2.json"))));

    var page = plaid.transactions(CREDENTIALS, CHECKING, null, null);

    assertThat(page.transactions(), hasSize(4));
    server.verify(4, postRequestedFor(urlEqualTo("/transactions/sync")));
  }

  @Test
  void unavailabilityOutlastingTheRetriesSurfaces() {
    server.stubFor(
        post("/accounts/get")
            .willReturn(aResponse().withStatus(503).withBody("upstream connect error")));

    var e = assertThrows(ProviderUnavailableException.class, () -> plaid.accounts(CREDENTIALS));

    assertThat(e.getMessage(), is("Plaid answered HTTP 503"));
    server.verify(4, postRequestedFor(urlEqualTo("/accounts/get")));
  }

  @Test
  void theCircuitOpensAfterRepeatedFailuresAndStopsCallingPlaid() {
    server.stubFor(post("/item/remove").willReturn(aResponse().withStatus(502)));

    // Five calls of four attempts each fill the breaker's window of 20 with failures.
    for (int i = 0; i < 5; i++) {
      assertThrows(ProviderUnavailableException.class, () -> plaid.revoke(CREDENTIALS));
    }
    server.resetRequests();
    var open = assertThrows(ProviderUnavailableException.class, () -> plaid.revoke(CREDENTIALS));

    assertThat(open.retryAfter(), is(Duration.ofSeconds(30)));
    server.verify(0, postRequestedFor(urlEqualTo("/item/remove")));
  }

  @Test
  void statusReadsTheItemsError() {
    server.stubFor(post("/item/get").willReturn(okJson(PlaidFixtures.text("item-get.json"))));
    assertThat(plaid.status(CREDENTIALS), is(ConnectionStatus.CONNECTED));

    server.stubFor(
        post("/item/get").willReturn(okJson(PlaidFixtures.text("item-get-login-required.json"))));
    assertThat(plaid.status(CREDENTIALS), is(ConnectionStatus.DISCONNECTED));

    server.stubFor(
        post("/item/get")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-item-not-found.json"))));
    assertThat(plaid.status(CREDENTIALS), is(ConnectionStatus.DISCONNECTED));
  }

  @Test
  void revokeRemovesTheItemAndAnItemAlreadyGoneIsFine() {
    server.stubFor(
        post("/item/remove")
            .withRequestBody(
                equalToJson("{\"access_token\": \"" + CREDENTIALS.accessToken() + "\"}"))
            .willReturn(okJson(PlaidFixtures.text("item-remove.json"))));
    plaid.revoke(CREDENTIALS);
    server.verify(1, postRequestedFor(urlEqualTo("/item/remove")));

    server.stubFor(
        post("/item/remove")
            .willReturn(
                aResponse()
                    .withStatus(400)
                    .withHeader("Content-Type", "application/json")
                    .withBody(PlaidFixtures.text("error-item-not-found.json"))));
    plaid.revoke(CREDENTIALS);
    assertThat(plaid.configured(), is(true));
  }

  @Test
  void aTimeoutEveryTimeIsUnavailability() {
    server.stubFor(
        post("/item/get")
            .willReturn(okJson(PlaidFixtures.text("item-get.json")).withFixedDelay(1500)));

    var e = assertThrows(ProviderUnavailableException.class, () -> plaid.status(CREDENTIALS));

    assertThat(e.retryAfter(), nullValue());
    server.verify(4, postRequestedFor(urlEqualTo("/item/get")));
  }
}
