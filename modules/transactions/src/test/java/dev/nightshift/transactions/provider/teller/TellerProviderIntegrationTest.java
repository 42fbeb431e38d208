package dev.nightshift.transactions.provider.teller;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.transactions.provider.Fixtures.json;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ConnectionStatus;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.InjectWireMock;
import dev.nightshift.transactions.provider.LinkRequest;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderAuthException;
import dev.nightshift.transactions.provider.ProviderStubs;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ProviderStubs.class)
class TellerProviderIntegrationTest {

  private static final String TOKEN = "test_token_ky6igyqi3qxa4";
  private static final String ENROLLMENT = "enr_oiin624rqaojse22oe000";
  private static final String CHECKING = "acc_oiin624kqjrg2mp2ea000";
  private static final String CARD = "acc_oiin624iajrg2mp2ea001";
  private static final Credentials CREDENTIALS = new Credentials(TOKEN, ENROLLMENT);
  private static final ProviderAccount CHECKING_ACCOUNT =
      new ProviderAccount(CHECKING, "Platinum Checking", AccountType.DEPOSITORY, "USD", null, null);
  private static final ProviderAccount CARD_ACCOUNT =
      new ProviderAccount(CARD, "Sapphire Preferred", AccountType.CREDIT, "USD", null, null);
  private static final String BASIC =
      "Basic " + Base64.getEncoder().encodeToString((TOKEN + ":").getBytes(StandardCharsets.UTF_8));

  @InjectWireMock WireMockServer wiremock;
  @Inject TellerProvider provider;
  @Inject CircuitBreakerMaintenance circuitBreakers;

  @BeforeEach
  void reset() {
    wiremock.resetAll();
    circuitBreakers.resetAll();
  }

  @Test
  void isConfiguredWithItsClientCertificate() {
    assertThat(provider.configured(), equalTo(true));
  }

  @Test
  void linkKeepsTheTokenAndEnrollmentAndNamesTheInstitution() {
    stubAccounts();

    var linked = provider.link(new LinkRequest(TOKEN, null, null));
    var given = provider.link(new LinkRequest(TOKEN, "enr_from_connect", null));

    assertThat(linked.credentials(), equalTo(new Credentials(TOKEN, ENROLLMENT)));
    assertThat(linked.institutionId(), equalTo("chase"));
    assertThat(linked.institutionName(), equalTo("Chase"));
    assertThat(given.credentials().reference(), equalTo("enr_from_connect"));
    wiremock.verify(
        2,
        getRequestedFor(urlEqualTo("/accounts"))
            .withHeader("Authorization", WireMock.equalTo(BASIC)));
    assertThrows(
        IllegalArgumentException.class, () -> provider.link(new LinkRequest(" ", null, null)));
  }

  @Test
  void accountsAreTheOpenOnesWithTheirLiveBalances() {
    stubAccounts();
    wiremock.stubFor(
        get(urlEqualTo("/accounts/" + CHECKING + "/balances"))
            .willReturn(okJson(json("teller/balances-checking.json"))));
    wiremock.stubFor(
        get(urlEqualTo("/accounts/" + CARD + "/balances"))
            .willReturn(okJson(json("teller/balances-card.json"))));

    assertThat(
        provider.accounts(CREDENTIALS),
        contains(
            new ProviderAccount(
                CHECKING,
                "Platinum Checking",
                AccountType.DEPOSITORY,
                "USD",
                new BigDecimal("28575.02"),
                new BigDecimal("28375.02")),
            new ProviderAccount(
                CARD,
                "Sapphire Preferred",
                AccountType.CREDIT,
                "USD",
                new BigDecimal("1250.40"),
                new BigDecimal("8749.60"))));
  }

  @Test
  void transactionsArePagedBackwardsFromTheLastId() {
    stubCheckingPages();

    var first = provider.transactions(CREDENTIALS, CHECKING_ACCOUNT, null, null);
    var second = provider.transactions(CREDENTIALS, CHECKING_ACCOUNT, null, first.nextCursor());

    assertThat(first.nextCursor(), equalTo("txn_oiluj93igokseo0i3a003"));
    assertThat(
        first.transactions().stream().map(ProviderTransaction::status).toList(),
        contains(TransactionStatus.PENDING, TransactionStatus.POSTED, TransactionStatus.POSTED));
    assertThat(
        first.transactions().get(0),
        equalTo(
            new ProviderTransaction(
                "txn_oiluj93igokseo0i3a005",
                LocalDate.parse("2026-04-16"),
                new BigDecimal("-86.46"),
                "USD",
                "Whole Foods Market 10234",
                "Whole Foods",
                "Whole Foods",
                "Whole Foods",
                "meals",
                TransactionMethod.CARD_PURCHASE,
                TransactionStatus.PENDING,
                null)));
    var payroll = first.transactions().get(1);
    assertThat(payroll.amount(), equalTo(new BigDecimal("2500.00")));
    assertThat(payroll.category(), equalTo("income"));
    assertThat(payroll.method(), equalTo(TransactionMethod.ACH));
    assertThat(payroll.balance(), equalTo(new BigDecimal("28575.02")));
    var fee = first.transactions().get(2);
    assertThat(fee.category(), equalTo("fees"));
    assertThat(fee.description(), nullValue());
    assertThat(second.nextCursor(), nullValue());
    assertThat(
        second.transactions().stream().map(ProviderTransaction::id).toList(),
        contains("txn_oiluj93igokseo0i3a002", "txn_oiluj93igokseo0i3a001"));
  }

  @Test
  void pagingStopsAtTheFirstTransactionBeforeSince() {
    stubCheckingPages();

    var page =
        provider.transactions(
            CREDENTIALS,
            CHECKING_ACCOUNT,
            LocalDate.parse("2026-03-15"),
            "txn_oiluj93igokseo0i3a003");

    assertThat(page.nextCursor(), nullValue());
    assertThat(
        page.transactions().stream().map(ProviderTransaction::id).toList(),
        contains("txn_oiluj93igokseo0i3a002"));
  }

  @Test
  void onACardSpendingIsMoneyOut() {
    wiremock.stubFor(
        get(urlPathEqualTo("/accounts/" + CARD + "/transactions"))
            .willReturn(okJson(json("teller/transactions-card.json"))));

    var page = provider.transactions(CREDENTIALS, CARD_ACCOUNT, null, null);

    var uber = page.transactions().get(0);
    var payment = page.transactions().get(1);
    assertThat(uber.amount(), equalTo(new BigDecimal("-42.50")));
    assertThat(uber.category(), equalTo("travel"));
    assertThat(payment.amount(), equalTo(new BigDecimal("500.00")));
    assertThat(payment.category(), equalTo("credit-card-payment"));
    assertThat(page.nextCursor(), nullValue());
  }

  @Test
  void aDisconnectedEnrollmentIsAnAuthErrorAndIsNotRetried() {
    stubAccounts();
    var path = "/accounts/" + CHECKING + "/transactions";
    wiremock.stubFor(
        get(urlPathEqualTo(path)).willReturn(error(403, "teller/enrollment-disconnected.json")));

    var error =
        assertThrows(
            ProviderAuthException.class,
            () -> provider.transactions(CREDENTIALS, CHECKING_ACCOUNT, null, null));

    assertThat(error.code(), equalTo("enrollment.disconnected.user_action.mfa_required"));
    wiremock.verify(1, getRequestedFor(urlPathEqualTo(path)));
    assertThat(provider.status(CREDENTIALS), equalTo(ConnectionStatus.DISCONNECTED));
  }

  @Test
  void aRevokedTokenIsDisconnected() {
    wiremock.stubFor(
        get(urlEqualTo("/accounts")).willReturn(error(401, "teller/unauthorized.json")));

    var error = assertThrows(ProviderAuthException.class, () -> provider.accounts(CREDENTIALS));

    assertThat(error.code(), equalTo("unauthorized"));
    assertThat(provider.status(CREDENTIALS), equalTo(ConnectionStatus.DISCONNECTED));
    wiremock.verify(2, getRequestedFor(urlEqualTo("/accounts")));
  }

  @Test
  void aLiveEnrollmentIsConnected() {
    stubAccounts();
    stubCheckingPages();

    assertThat(provider.status(CREDENTIALS), equalTo(ConnectionStatus.CONNECTED));
    wiremock.verify(
        getRequestedFor(urlPathEqualTo("/accounts/" + CHECKING + "/transactions"))
            .withQueryParam("count", WireMock.equalTo("1")));
  }

  @Test
  void aRateLimitedCallWaitsForRetryAfterAndSucceeds() {
    stubAccountsInSequence(
        aResponse()
            .withStatus(429)
            .withHeader("Retry-After", "1")
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"error\": {\"code\": \"too_many_requests\", \"message\": \"Slow down.\"}}"),
        okJson(json("teller/accounts.json")));

    var linked = provider.link(new LinkRequest(TOKEN, null, null));

    assertThat(linked.institutionId(), equalTo("chase"));
    wiremock.verify(2, getRequestedFor(urlEqualTo("/accounts")));
  }

  @Test
  void aFailingBankIsRetried() {
    stubAccountsInSequence(
        error(502, "teller/bad-gateway.json"),
        error(502, "teller/bad-gateway.json"),
        okJson(json("teller/accounts.json")));

    var linked = provider.link(new LinkRequest(TOKEN, null, null));

    assertThat(linked.institutionName(), equalTo("Chase"));
    wiremock.verify(3, getRequestedFor(urlEqualTo("/accounts")));
  }

  @Test
  void revokeDeletesTheAccountsAndAcceptsAnAlreadyRevokedToken() {
    wiremock.stubFor(
        delete(urlEqualTo("/accounts"))
            .inScenario("revoke")
            .whenScenarioStateIs(Scenario.STARTED)
            .willReturn(aResponse().withStatus(204))
            .willSetStateTo("revoked"));
    wiremock.stubFor(
        delete(urlEqualTo("/accounts"))
            .inScenario("revoke")
            .whenScenarioStateIs("revoked")
            .willReturn(error(401, "teller/unauthorized.json")));

    provider.revoke(CREDENTIALS);
    provider.revoke(CREDENTIALS);

    wiremock.verify(
        2,
        deleteRequestedFor(urlEqualTo("/accounts"))
            .withHeader("Authorization", WireMock.equalTo(BASIC)));
  }

  private void stubAccounts() {
    wiremock.stubFor(get(urlEqualTo("/accounts")).willReturn(okJson(json("teller/accounts.json"))));
  }

  private void stubCheckingPages() {
    var path = "/accounts/" + CHECKING + "/transactions";
    wiremock.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("from_id", absent())
            .willReturn(okJson(json("teller/transactions-checking-page1.json"))));
    wiremock.stubFor(
        get(urlPathEqualTo(path))
            .withQueryParam("count", WireMock.equalTo("3"))
            .withQueryParam("from_id", WireMock.equalTo("txn_oiluj93igokseo0i3a003"))
            .willReturn(okJson(json("teller/transactions-checking-page2.json"))));
  }

  private void stubAccountsInSequence(ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "answer " + (i + 1);
      wiremock.stubFor(
          get(urlEqualTo("/accounts"))
              .inScenario("accounts")
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
      state = next;
    }
  }

  private static ResponseDefinitionBuilder error(int status, String fixture) {
    return aResponse()
        .withStatus(status)
        .withHeader("Content-Type", "application/json")
        .withBody(json(fixture));
  }
}
