package dev.nightshift.transactions.provider.gocardless;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.delete;
import static com.github.tomakehurst.wiremock.client.WireMock.deleteRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.nightshift.transactions.provider.Fixtures.json;
import static io.restassured.RestAssured.given;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.instanceOf;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.client.WireMock;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
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
import dev.nightshift.transactions.provider.ProviderUnavailableException;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
@WithTestResource(ProviderStubs.class)
class GoCardlessProviderIntegrationTest {

  @Inject TeamStore teams;

  private static final String REQUISITION = "8126e9fb-93dd-4c3b-9d6c-7b4a2d9b5e43";
  private static final String CURRENT = "7e944232-bda9-40bc-b784-660c7ab5fe78";
  private static final String CARD = "99a0bfe2-0bef-46df-bff2-e9ae0c6c5838";
  private static final Credentials CREDENTIALS = new Credentials(null, REQUISITION);
  private static final ProviderAccount CURRENT_ACCOUNT =
      new ProviderAccount(CURRENT, "Main Account", AccountType.DEPOSITORY, "EUR", null, null);

  @InjectWireMock WireMockServer wiremock;
  @Inject GoCardlessProvider provider;
  @Inject CircuitBreakerMaintenance circuitBreakers;

  @BeforeEach
  void stubTokens() {
    wiremock.resetAll();
    circuitBreakers.resetAll();
    wiremock.stubFor(
        post(urlEqualTo("/api/v2/token/new/"))
            .withRequestBody(
                equalToJson(
                    "{\"secret_id\": \"test-secret-id\", \"secret_key\": \"test-secret-key\"}"))
            .willReturn(okJson(json("gocardless/token.json"))));
    wiremock.stubFor(
        post(urlEqualTo("/api/v2/token/refresh/"))
            .withRequestBody(equalToJson("{\"refresh\": \"refresh-1\"}"))
            .willReturn(okJson(json("gocardless/token-refresh.json"))));
  }

  @Test
  void linkAcceptsALinkedRequisitionAndNamesItsInstitution() {
    stub(
        get("/api/v2/requisitions/" + REQUISITION + "/"),
        okJson(json("gocardless/requisition-linked.json")));
    stub(
        get("/api/v2/institutions/REVOLUT_REVOGB21/"), okJson(json("gocardless/institution.json")));

    var linked = provider.link(new LinkRequest(null, REQUISITION, null));

    assertThat(linked.credentials(), equalTo(new Credentials(null, REQUISITION)));
    assertThat(linked.institutionId(), equalTo("REVOLUT_REVOGB21"));
    assertThat(linked.institutionName(), equalTo("Revolut"));
    wiremock.verify(
        getRequestedFor(urlEqualTo("/api/v2/requisitions/" + REQUISITION + "/"))
            .withHeader("Authorization", matching("Bearer access-\\d")));
  }

  @Test
  void connectingOverRestAnswersProblemsForRequisitionsThatCannotLink() {
    stub(
        get("/api/v2/requisitions/granting/"),
        okJson(json("gocardless/requisition-granting.json")));
    stub(get("/api/v2/requisitions/expired/"), okJson(json("gocardless/requisition-expired.json")));
    var team =
        teams.create(new NewTeam("GC", "gc-" + UUID.randomUUID().toString().substring(0, 8)));

    connect(team.id(), "granting").statusCode(400).body("type", endsWith(":invalid-link"));
    connect(team.id(), "expired").statusCode(422).body("type", endsWith(":link-refused"));
  }

  private ValidatableResponse connect(UUID team, String requisition) {
    return given()
        .auth()
        .oauth2("test-admin-key")
        .contentType("application/json")
        .body(Map.of("provider", "gocardless", "reference", requisition, "team", team.toString()))
        .post("/api/v1/bank-connections")
        .then();
  }

  @Test
  void linkRefusesARequisitionStillAtTheBankAndAnExpiredOne() {
    stub(
        get("/api/v2/requisitions/granting/"),
        okJson(json("gocardless/requisition-granting.json")));
    stub(get("/api/v2/requisitions/expired/"), okJson(json("gocardless/requisition-expired.json")));

    var notYet =
        assertThrows(
            IllegalArgumentException.class,
            () -> provider.link(new LinkRequest(null, "granting", null)));
    var expired =
        assertThrows(
            ProviderAuthException.class,
            () -> provider.link(new LinkRequest(null, "expired", null)));

    assertThat(notYet.getMessage(), containsString("not linked yet (status GA)"));
    assertThat(expired.code(), equalTo("EX"));
    assertThat(
        provider.status(new Credentials(null, "expired")), equalTo(ConnectionStatus.DISCONNECTED));
    assertThat(
        provider.status(new Credentials(null, "granting")), equalTo(ConnectionStatus.CONNECTED));
  }

  @Test
  void accountsCarryTheirDetailsAndThePreferredBalance() {
    stub(
        get("/api/v2/requisitions/" + REQUISITION + "/"),
        okJson(json("gocardless/requisition-linked.json")));
    stub(
        get("/api/v2/accounts/" + CURRENT + "/details/"),
        okJson(json("gocardless/details-current.json")));
    stub(
        get("/api/v2/accounts/" + CURRENT + "/balances/"),
        okJson(json("gocardless/balances-current.json")));
    stub(
        get("/api/v2/accounts/" + CARD + "/details/"),
        okJson(json("gocardless/details-card.json")));
    stub(
        get("/api/v2/accounts/" + CARD + "/balances/"),
        okJson(json("gocardless/balances-card.json")));

    List<ProviderAccount> accounts = provider.accounts(CREDENTIALS);

    assertThat(
        accounts,
        contains(
            new ProviderAccount(
                CURRENT,
                "Main Account",
                AccountType.DEPOSITORY,
                "EUR",
                new BigDecimal("1657.45"),
                new BigDecimal("1900.00")),
            new ProviderAccount(
                CARD, "Visa Credit", AccountType.CREDIT, "EUR", new BigDecimal("512.30"), null)));
  }

  @Test
  void transactionsAreBookedAndPendingSinceTheGivenDay() {
    stub(
        get(urlPathEqualTo("/api/v2/accounts/" + CURRENT + "/transactions/"))
            .withQueryParam("date_from", WireMock.equalTo("2026-01-01")),
        okJson(json("gocardless/transactions.json")));

    var page =
        provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, LocalDate.parse("2026-01-01"), null);

    assertThat(page.nextCursor(), equalTo(null));
    List<ProviderTransaction> transactions = page.transactions();
    assertThat(
        transactions.stream().map(ProviderTransaction::status).toList(),
        contains(
            TransactionStatus.POSTED,
            TransactionStatus.POSTED,
            TransactionStatus.POSTED,
            TransactionStatus.PENDING));
    assertThat(
        transactions.get(0),
        equalTo(
            new ProviderTransaction(
                "f3b9c1d2e5a64c8b9d0e1f2a3b4c5d6e",
                LocalDate.parse("2026-01-20"),
                new BigDecimal("-45.99"),
                "EUR",
                "Amazon Eu Sarl",
                "Amazon De 123 4567890 Mktp De",
                null,
                "Amazon Eu Sarl",
                null,
                TransactionMethod.CARD_PURCHASE,
                TransactionStatus.POSTED,
                new BigDecimal("1657.45"))));
    var salary = transactions.get(1);
    assertThat(salary.amount(), equalTo(new BigDecimal("2500.00")));
    assertThat(salary.name(), equalTo("Acme Gmbh"));
    assertThat(salary.counterparty(), equalTo("Acme Gmbh"));
    assertThat(salary.category(), equalTo("income"));
    assertThat(salary.method(), equalTo(TransactionMethod.TRANSFER));
    var fee = transactions.get(2);
    assertThat(fee.id(), equalTo("2026011501927901-1"));
    assertThat(fee.currency(), equalTo("EUR"));
    assertThat(fee.name(), equalTo("Service Fee"));
    assertThat(fee.description(), equalTo(null));
    var pending = transactions.get(3);
    assertThat(pending.id(), startsWith("h_"));
    assertThat(pending.date(), equalTo(LocalDate.parse("2026-01-21")));
    assertThat(pending.name(), equalTo("Pret A Manger London"));
  }

  @Test
  void anExpiredAgreementIsAnAuthErrorAndIsNotRetried() {
    stub(
        get(urlPathEqualTo("/api/v2/accounts/" + CURRENT + "/transactions/")),
        aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody(json("gocardless/eua-expired.json")));

    var error =
        assertThrows(
            ProviderAuthException.class,
            () -> provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null));

    assertThat(error.code(), equalTo("EndUserAgreementExpired"));
    wiremock.verify(
        1, getRequestedFor(urlPathEqualTo("/api/v2/accounts/" + CURRENT + "/transactions/")));
  }

  @Test
  void aRateLimitedCallWaitsForTheResetAndSucceeds() {
    var path = "/api/v2/accounts/" + CURRENT + "/transactions/";
    stubInSequence(
        path,
        aResponse()
            .withStatus(429)
            .withHeader("Content-Type", "application/json")
            .withHeader("HTTP_X_RATELIMIT_ACCOUNT_SUCCESS_LIMIT", "4")
            .withHeader("HTTP_X_RATELIMIT_ACCOUNT_SUCCESS_REMAINING", "0")
            .withHeader("HTTP_X_RATELIMIT_ACCOUNT_SUCCESS_RESET", "1")
            .withBody(json("gocardless/rate-limited.json")),
        okJson(json("gocardless/transactions.json")));

    var page = provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null);

    assertThat(page.transactions().size(), equalTo(4));
    wiremock.verify(2, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void serverErrorsAreRetried() {
    var path = "/api/v2/accounts/" + CURRENT + "/transactions/";
    stubInSequence(
        path,
        unavailable(),
        aResponse().withStatus(500).withBody("<html>Internal Server Error</html>"),
        okJson(json("gocardless/transactions.json")));

    var page = provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null);

    assertThat(page.transactions().size(), equalTo(4));
    wiremock.verify(3, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void aSlowAnswerTimesOutAndIsRetried() {
    var path = "/api/v2/accounts/" + CURRENT + "/transactions/";
    stubInSequence(
        path,
        okJson(json("gocardless/transactions.json")).withFixedDelay(3_000),
        okJson(json("gocardless/transactions.json")));

    var page = provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null);

    assertThat(page.transactions().size(), equalTo(4));
  }

  @Test
  void whenRetriesRunOutTheProviderIsUnavailableAndTheCircuitOpens() {
    var path = "/api/v2/accounts/" + CURRENT + "/transactions/";
    stub(get(urlPathEqualTo(path)), unavailable());

    // 4 attempts a call (3 retries): 5 calls fill the breaker's window of 20 failures.
    for (int call = 0; call < 5; call++) {
      assertThrows(
          ProviderUnavailableException.class,
          () -> provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null));
    }
    wiremock.verify(20, getRequestedFor(urlPathEqualTo(path)));

    var open =
        assertThrows(
            ProviderUnavailableException.class,
            () -> provider.transactions(CREDENTIALS, CURRENT_ACCOUNT, null, null));
    assertThat(open.getCause(), instanceOf(CircuitBreakerOpenException.class));
    wiremock.verify(20, getRequestedFor(urlPathEqualTo(path)));
  }

  @Test
  void aRejectedAccessTokenIsRefreshedAndTheCallRetried() {
    var path = "/api/v2/requisitions/" + REQUISITION + "/";
    stubInSequence(
        path,
        aResponse()
            .withStatus(401)
            .withHeader("Content-Type", "application/json")
            .withBody(json("gocardless/invalid-token.json")),
        okJson(json("gocardless/requisition-linked.json")));

    assertThat(provider.status(CREDENTIALS), equalTo(ConnectionStatus.CONNECTED));
    wiremock.verify(1, postRequestedFor(urlEqualTo("/api/v2/token/refresh/")));
    wiremock.verify(
        getRequestedFor(urlEqualTo(path))
            .withHeader("Authorization", WireMock.equalTo("Bearer access-2")));
  }

  @Test
  void revokeDeletesTheRequisitionAndAcceptsAnAlreadyDeletedOne() {
    stub(
        delete("/api/v2/requisitions/" + REQUISITION + "/"),
        okJson(
            "{\"summary\": \"Requisition deleted\", \"detail\": \"Requisition deleted with all its End User Agreements\"}"));
    stub(
        delete("/api/v2/requisitions/gone/"),
        aResponse()
            .withStatus(404)
            .withHeader("Content-Type", "application/json")
            .withBody(
                "{\"summary\": \"Not found.\", \"detail\": \"Not found.\", \"status_code\": 404}"));

    provider.revoke(CREDENTIALS);
    provider.revoke(new Credentials(null, "gone"));

    wiremock.verify(deleteRequestedFor(urlEqualTo("/api/v2/requisitions/" + REQUISITION + "/")));
  }

  private static ResponseDefinitionBuilder unavailable() {
    return aResponse()
        .withStatus(503)
        .withHeader("Content-Type", "application/json")
        .withBody(json("gocardless/institution-unavailable.json"));
  }

  private void stub(MappingBuilder request, ResponseDefinitionBuilder response) {
    wiremock.stubFor(request.willReturn(response));
  }

  private void stubInSequence(String path, ResponseDefinitionBuilder... responses) {
    String state = Scenario.STARTED;
    for (int i = 0; i < responses.length; i++) {
      String next = i == responses.length - 1 ? state : "answer " + (i + 1);
      wiremock.stubFor(
          get(urlPathEqualTo(path))
              .inScenario(path)
              .whenScenarioStateIs(state)
              .willReturn(responses[i])
              .willSetStateTo(next));
      state = next;
    }
  }
}
