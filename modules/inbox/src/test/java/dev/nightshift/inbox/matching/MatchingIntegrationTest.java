package dev.nightshift.inbox.matching;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.contracts.transactions.TransactionsCreated;
import dev.nightshift.engine.Engine;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.TriggerOptions;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.testkit.TestApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Matching against real transactions of the real transactions module, in the real database, with
 * the engine's worker and event relay running.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class MatchingIntegrationTest {

  private static final LocalDate INVOICED = LocalDate.now().minusDays(20);

  @Inject DataSource dataSource;
  @Inject TeamStore teams;
  @Inject Matcher matcher;
  @Inject Engine engine;
  @Inject Events events;
  @Inject EngineTestKit kit;
  @Inject NewTransactions newTransactions;
  @Inject ObjectMapper json;

  private Ledger ledger;
  private UUID team;

  @BeforeEach
  void setUp() {
    ledger = new Ledger(dataSource, teams);
    team = ledger.team();
  }

  @Test
  void aSingleConfidentMatchIsLinkedAndPublished() throws Exception {
    var item = ledger.invoice(team, "120.00", "EUR", INVOICED, "Figma");
    var figma = ledger.transaction(team, INVOICED.plusDays(2), "-120.00", "EUR", "FIGMA INC");
    ledger.transaction(team, INVOICED.plusDays(1), "-120.00", "USD", "FIGMA INC");
    ledger.transaction(team, INVOICED.plusDays(1), "120.00", "EUR", "Customer refund");
    ledger.transaction(team, INVOICED.plusDays(1), "-120.01", "EUR", "FIGMA INC");
    ledger.transaction(team, INVOICED.plusDays(50), "-120.00", "EUR", "FIGMA INC");

    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.LINKED));

    assertThat(ledger.matchStatus(item), equalTo("MATCHED"));
    assertThat(ledger.linkedTransaction(item), equalTo(figma));
    assertThat(ledger.hasMatchedAt(item), equalTo(true));
    assertThat(ledger.suggestion(item, figma), equalTo("CONFIRMED/AUTO"));
    var published = ledger.matchedEvents(item);
    assertThat(published, hasSize(1));
    var event = json.readTree(published.getFirst());
    assertThat(event.path("how").asText(), equalTo("auto"));
    assertThat(event.path("transactionId").asText(), equalTo(figma.toString()));
    assertThat(event.path("teamId").asText(), equalTo(team.toString()));
    assertThat(event.path("score").asDouble() >= 0.9, equalTo(true));

    assertThat(
        "a matched item is left alone",
        matcher.match(team, item),
        equalTo(Matcher.Outcome.SKIPPED));
    assertThat(ledger.matchedEvents(item), hasSize(1));
  }

  @Test
  void aTransactionPaysOneDocumentOnly() {
    var first = ledger.invoice(team, "64.00", "EUR", INVOICED, "Hetzner Online GmbH");
    var again = ledger.invoice(team, "64.00", "EUR", INVOICED, "Hetzner Online GmbH");
    var hetzner = ledger.transaction(team, INVOICED.plusDays(3), "-64.00", "EUR", "HETZNER");
    var other = ledger.transaction(team, INVOICED.plusDays(4), "-64.00", "EUR", "TAXI");
    matcher.match(team, first);
    admin().post(path(first, other, "decline")).then().statusCode(200);
    assertThat(matcher.match(team, first), equalTo(Matcher.Outcome.LINKED));

    assertThat(
        "the second copy is not linked to the paid transaction",
        matcher.match(team, again),
        equalTo(Matcher.Outcome.SUGGESTED));
    assertThat(suggestions(again).getList("data.transactionId"), contains(other.toString()));
    assertThat(ledger.linkedTransaction(first), equalTo(hetzner));
    admin().post(path(again, other, "decline")).then().statusCode(200);
    // A suggestion made before the first copy was linked.
    ledger.execute(
        "INSERT INTO inbox.suggestions (inbox_id, transaction_id, team_id, score, amount_score,"
            + " date_score, currency_score, vendor_score, explanation, status, how)"
            + " VALUES (?, ?, ?, 0.9, 1, 1, 1, 0.5, 'stale', 'PENDING', 'AUTO')",
        again,
        hetzner,
        team);
    admin()
        .post(path(again, hetzner, "confirm"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json");
  }

  @Test
  void severalCandidatesBecomeSuggestionsWithTheirReasons() {
    var item = ledger.invoice(team, "120.00", "EUR", INVOICED, "Figma");
    var figma = ledger.transaction(team, INVOICED.plusDays(2), "-120.00", "EUR", "FIGMA INC");
    var acme = ledger.transaction(team, INVOICED.plusDays(1), "-120.00", "EUR", "ACME SUPPLIES");

    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.SUGGESTED));
    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.SUGGESTED));

    assertThat(ledger.matchStatus(item), equalTo("SUGGESTED"));
    assertThat(ledger.linkedTransaction(item), nullValue());
    var listed = suggestions(item);
    assertThat(listed.getList("data.transactionId"), contains(figma.toString(), acme.toString()));
    assertThat(listed.getList("data.status"), contains("PENDING", "PENDING"));
    assertThat(listed.getFloat("data[0].score"), equalTo(0.997f));
    assertThat(listed.getFloat("data[0].scores.vendor"), equalTo(1.0f));
    assertThat(listed.getFloat("data[1].scores.vendor"), equalTo(0.0f));
    assertThat(
        listed.getString("data[0].explanation"),
        equalTo(
            "same amount 120.00 EUR; 2 days after the invoice date; vendor 'Figma' matches"
                + " merchant 'FIGMA INC'"));
    assertThat(listed.getString("data[0].transaction.name"), equalTo("FIGMA INC"));
    assertThat(listed.getFloat("data[0].transaction.amount"), equalTo(-120.0f));
    assertThat(listed.getString("data[0].transaction.currency"), equalTo("EUR"));
    assertThat(
        listed.getString("data[0].transaction.date"), equalTo(INVOICED.plusDays(2).toString()));
    assertThat(ledger.matchedEvents(item), hasSize(0));
    // The items' own resource shares /api/v1/inbox with this one, and still answers.
    admin()
        .get("/api/v1/inbox/" + item)
        .then()
        .statusCode(200)
        .body("matchStatus", equalTo("SUGGESTED"));
  }

  @Test
  void aDeclinedPairIsNeverSuggestedAgain() {
    var item = ledger.invoice(team, "80.00", "EUR", INVOICED, "Notion Labs");
    var notion = ledger.transaction(team, INVOICED, "-80.00", "EUR", "NOTION");
    var other = ledger.transaction(team, INVOICED.plusDays(3), "-80.00", "EUR", "PARKING");
    matcher.match(team, item);

    admin()
        .post(path(item, other, "decline"))
        .then()
        .statusCode(200)
        .body("status", equalTo("DECLINED"));
    assertThat("a pending suggestion is left", ledger.matchStatus(item), equalTo("SUGGESTED"));
    admin().post(path(item, notion, "decline")).then().statusCode(200);
    assertThat(ledger.matchStatus(item), equalTo("UNMATCHED"));

    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.UNMATCHED));
    assertThat(ledger.suggestion(item, notion), equalTo("DECLINED/USER"));
    assertThat(ledger.suggestion(item, other), equalTo("DECLINED/USER"));
    assertThat(ledger.matchStatus(item), equalTo("UNMATCHED"));
  }

  @Test
  void decliningTheOtherCandidateLetsTheConfidentOneLink() {
    var item = ledger.invoice(team, "80.00", "EUR", INVOICED, "Notion Labs");
    var notion = ledger.transaction(team, INVOICED, "-80.00", "EUR", "NOTION");
    var other = ledger.transaction(team, INVOICED.plusDays(3), "-80.00", "EUR", "PARKING");
    matcher.match(team, item);

    admin().post(path(item, other, "decline")).then().statusCode(200);

    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.LINKED));
    assertThat(ledger.linkedTransaction(item), equalTo(notion));
  }

  @Test
  void confirmDeclineAndUnmatchOverRest() throws Exception {
    var item = ledger.invoice(team, "120.00", "EUR", INVOICED, "Figma");
    var figma = ledger.transaction(team, INVOICED.plusDays(2), "-120.00", "EUR", "FIGMA INC");
    var acme = ledger.transaction(team, INVOICED.plusDays(1), "-120.00", "EUR", "ACME SUPPLIES");
    matcher.match(team, item);
    var key = TestApi.issueKey(team);

    TestApi.as(key)
        .post(path(item, figma, "confirm"))
        .then()
        .statusCode(200)
        .body("status", equalTo("CONFIRMED"))
        .body("how", equalTo("USER"))
        .body("transaction.name", equalTo("FIGMA INC"));
    assertThat(ledger.matchStatus(item), equalTo("MATCHED"));
    assertThat(ledger.linkedTransaction(item), equalTo(figma));
    var event = json.readTree(ledger.matchedEvents(item).getFirst());
    assertThat(event.path("how").asText(), equalTo("confirmed"));
    assertThat(event.path("score").asDouble(), equalTo(0.997));

    TestApi.as(key).post(path(item, figma, "confirm")).then().statusCode(200);
    assertThat("confirming again publishes nothing", ledger.matchedEvents(item), hasSize(1));
    TestApi.as(key)
        .post(path(item, acme, "confirm"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("unmatch it before confirming another"));
    TestApi.as(key)
        .post(path(item, figma, "decline"))
        .then()
        .statusCode(409)
        .contentType("application/problem+json")
        .body("detail", containsString("unmatch it instead"));

    String unmatched =
        TestApi.as(key)
            .post("/api/v1/inbox/" + item + "/unmatch")
            .then()
            .statusCode(200)
            .body("matchStatus", equalTo("UNMATCHED"))
            .body("transactionId", equalTo(figma.toString()))
            .extract()
            .path("matchRunId");
    assertThat(ledger.suggestion(item, figma), equalTo("UNMATCHED/USER"));
    TestApi.as(key).post("/api/v1/inbox/" + item + "/unmatch").then().statusCode(409);

    // The run the unmatch started finds the other candidate, and does not link Figma again.
    awaitRun(MatchInboxTask.ID, UUID.fromString(unmatched));
    assertThat(ledger.matchStatus(item), equalTo("SUGGESTED"));
    assertThat(ledger.suggestion(item, acme), equalTo("PENDING/AUTO"));
    assertThat(ledger.suggestion(item, figma), equalTo("UNMATCHED/USER"));
    assertThat(ledger.linkedTransaction(item), nullValue());

    // A person may still link the pair they undid, and then another confirm is a conflict.
    TestApi.as(key).post(path(item, figma, "confirm")).then().statusCode(200);
    TestApi.as(key)
        .post(path(item, acme, "confirm"))
        .then()
        .statusCode(409)
        .body("type", containsString("conflict"));
  }

  @Test
  void anotherTeamsItemIsNotFound() {
    var item = ledger.invoice(team, "120.00", "EUR", INVOICED, "Figma");
    var figma = ledger.transaction(team, INVOICED.plusDays(2), "-120.00", "EUR", "FIGMA INC");
    ledger.transaction(team, INVOICED.plusDays(1), "-120.00", "EUR", "ACME SUPPLIES");
    matcher.match(team, item);
    var stranger = TestApi.issueKey(ledger.team());

    TestApi.as(stranger).get("/api/v1/inbox/" + item + "/suggestions").then().statusCode(404);
    TestApi.as(stranger).post(path(item, figma, "confirm")).then().statusCode(404);
    TestApi.as(stranger).post(path(item, figma, "decline")).then().statusCode(404);
    TestApi.as(stranger).post("/api/v1/inbox/" + item + "/unmatch").then().statusCode(404);
    TestApi.as(stranger)
        .get("/api/v1/inbox/" + UUID.randomUUID() + "/suggestions")
        .then()
        .statusCode(404)
        .contentType("application/problem+json");
    assertThat(ledger.suggestion(item, figma), equalTo("PENDING/AUTO"));
  }

  @Test
  void aTeamsTransactionsNeverMatchAnotherTeamsDocuments() {
    var other = ledger.team();
    ledger.transaction(other, INVOICED, "-64.00", "EUR", "FIGMA");
    var item = ledger.invoice(team, "64.00", "EUR", INVOICED, "Figma");

    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.UNMATCHED));
    assertThat(
        "another team's run skips the item",
        matcher.match(other, item),
        equalTo(Matcher.Outcome.SKIPPED));
    assertThat(ledger.matchStatus(item), equalTo("UNMATCHED"));
  }

  @Test
  void newTransactionsRunMatchingForTheTeamOncePerEvent() {
    var item = ledger.invoice(team, "42.00", "EUR", INVOICED, "Linear");
    assertThat(matcher.match(team, item), equalTo(Matcher.Outcome.UNMATCHED));

    var linear = ledger.transaction(team, INVOICED.plusDays(4), "-42.00", "EUR", "LINEAR.APP");
    events.publish(TransactionsCreated.NAME, team, new TransactionsCreated(team, List.of(linear)));

    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> "MATCHED".equals(ledger.matchStatus(item)));
    assertThat(ledger.linkedTransaction(item), equalTo(linear));

    var unpaid = ledger.invoice(team, "7.00", "EUR", INVOICED, "Nobody Paid Ltd");
    assertThat(matcher.match(team, unpaid), equalTo(Matcher.Outcome.UNMATCHED));
    var redelivered =
        new Event(
            UUID.randomUUID(),
            TransactionsCreated.NAME,
            team,
            json.valueToTree(new TransactionsCreated(team, List.of(linear))),
            Instant.now());
    newTransactions.on(redelivered);
    newTransactions.on(redelivered);
    var runs =
        kit.triggered(MatchInboxTask.ID).stream()
            .filter(r -> team.equals(r.teamId()))
            .filter(r -> redelivered.idempotencyKey().equals(r.idempotencyKey()))
            .toList();
    assertThat(runs, hasSize(1));
    assertThat(runs.getFirst().concurrencyKey(), equalTo(team.toString()));

    var idle = ledger.team();
    var nothingWaits =
        new Event(
            UUID.randomUUID(),
            TransactionsCreated.NAME,
            idle,
            json.valueToTree(new TransactionsCreated(idle, List.of())),
            Instant.now());
    newTransactions.on(nothingWaits);
    assertThat(
        "a team with nothing waiting gets no run",
        kit.triggered(MatchInboxTask.ID).stream().filter(r -> idle.equals(r.teamId())).toList(),
        hasSize(0));
  }

  @Test
  void aRunWithoutItemsMatchesTheTeamsWaitingItems() {
    var linked = ledger.invoice(team, "10.00", "EUR", INVOICED, "Vercel");
    var suggested = ledger.invoice(team, "20.00", "EUR", INVOICED, "Hetzner");
    var unmatched = ledger.invoice(team, "30.00", "EUR", INVOICED, "Heroku");
    var other = ledger.item(team, "OTHER", "40.00", "EUR", INVOICED, "Menu", Instant.now());
    ledger.transaction(team, INVOICED, "-10.00", "EUR", "VERCEL INC");
    ledger.transaction(team, INVOICED, "-20.00", "EUR", "HETZNER ONLINE");
    ledger.transaction(team, INVOICED, "-20.00", "EUR", "SHELL");
    ledger.transaction(team, INVOICED, "-40.00", "EUR", "MENU");

    var run =
        engine.trigger(
            MatchInboxTask.ID,
            new MatchInboxTask.Payload(team, null),
            MatchInboxTask.options(team));
    var finished = awaitRun(MatchInboxTask.ID, run.id());

    assertThat(finished.path("output").path("linked").asInt(), equalTo(1));
    assertThat(finished.path("output").path("suggested").asInt(), equalTo(1));
    assertThat(finished.path("output").path("unmatched").asInt(), equalTo(1));
    assertThat(finished.path("output").path("skipped").asInt(), equalTo(1));
    assertThat(ledger.matchStatus(linked), equalTo("MATCHED"));
    assertThat(ledger.matchStatus(suggested), equalTo("SUGGESTED"));
    assertThat(ledger.matchStatus(unmatched), equalTo("UNMATCHED"));
    assertThat("not an invoice or receipt", ledger.matchStatus(other), equalTo("UNMATCHED"));
  }

  @Test
  void concurrentRunsForOneItemLinkItOnce() throws Exception {
    var item = ledger.invoice(team, "99.00", "EUR", INVOICED, "GitHub");
    ledger.transaction(team, INVOICED.plusDays(1), "-99.00", "EUR", "GITHUB, INC.");
    Callable<Matcher.Outcome> match = () -> matcher.match(team, item);

    try (var pool = Executors.newFixedThreadPool(4)) {
      var outcomes = pool.invokeAll(List.of(match, match, match, match));
      long linked = 0;
      for (var outcome : outcomes) {
        if (outcome.get() == Matcher.Outcome.LINKED) {
          linked++;
        }
      }
      assertThat(linked, equalTo(1L));
    }
    assertThat(ledger.matchedEvents(item), hasSize(1));
  }

  @Test
  void oldDocumentsWithoutATransactionAgeIntoNoMatch() {
    var old = Instant.now().minus(91, ChronoUnit.DAYS);
    var oldWaiting = ledger.item(team, "INVOICE", "5.00", "EUR", INVOICED, "A", old);
    var oldSuggested = ledger.item(team, "INVOICE", "6.00", "EUR", INVOICED, "B", old);
    ledger.execute("UPDATE inbox.items SET match_status = 'SUGGESTED' WHERE id = ?", oldSuggested);
    var oldMatched = ledger.item(team, "INVOICE", "7.00", "EUR", INVOICED, "C", old);
    ledger.execute("UPDATE inbox.items SET match_status = 'MATCHED' WHERE id = ?", oldMatched);
    var recent =
        ledger.item(
            team,
            "INVOICE",
            "8.00",
            "EUR",
            INVOICED,
            "D",
            Instant.now().minus(89, ChronoUnit.DAYS));

    var run = engine.trigger(NoMatchTask.ID, new NoMatchTask.Payload(), TriggerOptions.defaults());
    var finished = awaitRun(NoMatchTask.ID, run.id());

    assertThat(finished.path("output").path("aged").asInt() >= 2, equalTo(true));
    assertThat(ledger.matchStatus(oldWaiting), equalTo("NO_MATCH"));
    assertThat(ledger.matchStatus(oldSuggested), equalTo("NO_MATCH"));
    assertThat(ledger.matchStatus(oldMatched), equalTo("MATCHED"));
    assertThat(ledger.matchStatus(recent), equalTo("UNMATCHED"));
    assertThat(matcher.match(team, oldWaiting), equalTo(Matcher.Outcome.SKIPPED));
  }

  private JsonNode awaitRun(String task, UUID run) {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofMillis(50))
        .until(() -> run(task, run).status().isTerminal());
    var view = run(task, run);
    assertThat(view.status(), equalTo(RunStatus.COMPLETED));
    return json.valueToTree(view);
  }

  private RunView run(String task, UUID run) {
    return kit.triggered(task).stream().filter(r -> r.id().equals(run)).findFirst().orElseThrow();
  }

  private JsonPath suggestions(UUID item) {
    return admin()
        .get("/api/v1/inbox/" + item + "/suggestions")
        .then()
        .statusCode(200)
        .extract()
        .jsonPath();
  }

  private static String path(UUID item, UUID transaction, String action) {
    return "/api/v1/inbox/" + item + "/suggestions/" + transaction + "/" + action;
  }

  private static RequestSpecification admin() {
    return TestApi.as(TestApi.ADMIN);
  }
}
