package dev.nightshift.transactions.export;

import static org.awaitility.Awaitility.await;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.nullValue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.nightshift.contracts.exports.ExportCompleted;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.engine.Event;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.RunStatus;
import dev.nightshift.engine.runtime.store.RunView;
import dev.nightshift.engine.testing.EngineTestKit;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.TestBank;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code export.completed} through the real event relay and engine worker: the run it triggers
 * marks the export's selection, in chunks, once per event.
 */
@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class MarkExportedIntegrationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 6, 15);

  @Inject Events events;
  @Inject CompletedExports completedExports;
  @Inject EngineTestKit kit;
  @Inject ObjectMapper json;
  @Inject DataSource dataSource;
  @Inject TeamStore teams;

  private TestBank bank;
  private UUID team;
  private UUID checking;

  @BeforeEach
  void setUp() {
    bank = new TestBank(dataSource, teams);
    team = bank.team();
    checking = bank.account(team, "Checking");
  }

  @Test
  void anExportOfIdsMarksThoseAtTheTimeItCompleted() {
    var first = bank.transaction(team, checking, DAY, "first");
    var second = bank.transaction(team, checking, DAY.minusDays(3), "second");
    var left = bank.transaction(team, checking, DAY, "left");
    var earlier = Instant.parse("2026-01-02T03:04:05Z");
    bank.exported(second, earlier);
    var other = bank.team();
    var theirs = bank.transaction(other, bank.account(other, "Theirs"), DAY, "theirs");

    var event =
        publish(
            team,
            new TransactionSelection(
                List.of(first, second, theirs), null, null, null, null, false, null));
    var run = awaitRun(event);

    var completedAt = occurredAt(event);
    assertThat(bank.exportedAt(first), equalTo(completedAt));
    assertThat("an earlier export's time stays", bank.exportedAt(second), equalTo(earlier));
    assertThat(bank.exportedAt(left), nullValue());
    assertThat("another team's id is left alone", bank.exportedAt(theirs), nullValue());
    assertThat(run.output().path("transactions").asLong(), equalTo(2L));
    assertThat(run.output().path("marked").asLong(), equalTo(1L));
    assertThat(run.teamId(), equalTo(team));
  }

  @Test
  void anExportOfAFilterIsMarkedInChunksWhateverItsNotExportedSaid() {
    var card = bank.account(team, "Company Card");
    // More than two chunks of the account in the window, dated over 40 days.
    var inside = bank.fill(team, checking, 2 * MarkExportedTask.CHUNK + 123, DAY, 40);
    var tooOld = bank.transaction(team, checking, DAY.minusDays(60), "too-old");
    var otherAccount = bank.transaction(team, card, DAY, "other-account");
    var pending =
        bank.transaction(team, checking, DAY, "pending", "PENDING", Instant.now().minusSeconds(60));
    var earlier = Instant.parse("2026-01-02T03:04:05Z");
    bank.exported(inside.getFirst(), earlier);

    var event =
        publish(
            team,
            new TransactionSelection(
                null, List.of(checking), DAY.minusDays(45), DAY, "POSTED", true, null));
    var run = awaitRun(event);

    long total = inside.size();
    assertThat(run.output().path("transactions").asLong(), equalTo(total));
    assertThat(run.output().path("marked").asLong(), equalTo(total - 1));
    assertThat(
        run.progress().path("message").asText(),
        equalTo(total + " of " + total + " transactions marked"));
    assertThat(
        bank.count(
            "SELECT count(*) FROM transactions.transactions WHERE team_id = ? AND exported_at = ?",
            team,
            OffsetDateTime.ofInstant(occurredAt(event), java.time.ZoneOffset.UTC)),
        equalTo(total - 1));
    assertThat(bank.exportedAt(inside.getFirst()), equalTo(earlier));
    assertThat(bank.exportedAt(tooOld), nullValue());
    assertThat(bank.exportedAt(otherAccount), nullValue());
    assertThat(bank.exportedAt(pending), nullValue());
  }

  @Test
  void transactionsStoredAfterTheExportCompletedAreNotMarked() {
    var before = bank.transaction(team, checking, DAY, "before");
    var after =
        bank.transaction(
            team, checking, DAY, "after", "POSTED", Instant.now().plus(1, ChronoUnit.HOURS));

    var event = publish(team, new TransactionSelection(null, null, null, null, null, false, null));
    awaitRun(event);

    assertThat(bank.exportedAt(before), equalTo(occurredAt(event)));
    assertThat(bank.exportedAt(after), nullValue());
  }

  @Test
  void aRedeliveredEventMakesOneRun() {
    var id = bank.transaction(team, checking, DAY, "once");
    var event =
        new Event(
            UUID.randomUUID(),
            ExportCompleted.NAME,
            team,
            json.valueToTree(
                completed(
                    team,
                    new TransactionSelection(List.of(id), null, null, null, null, false, null))),
            Instant.now().truncatedTo(ChronoUnit.MICROS));

    completedExports.on(event);
    completedExports.on(event);

    var runs = runsOf(event.idempotencyKey());
    assertThat(runs, hasSize(1));
    assertThat(runs.getFirst().concurrencyKey(), equalTo(team.toString()));
    await().atMost(Duration.ofSeconds(30)).until(() -> bank.exportedAt(id) != null);
    assertThat(bank.exportedAt(id), equalTo(event.occurredAt()));
    completedExports.on(event);
    assertThat(
        "a delivery after the run finished finds it", runsOf(event.idempotencyKey()), hasSize(1));
  }

  @Test
  void anEventWhosePayloadNamesAnotherTeamMarksNothing() {
    var id = bank.transaction(team, checking, DAY, "mine");
    var event =
        new Event(
            UUID.randomUUID(),
            ExportCompleted.NAME,
            team,
            json.valueToTree(
                completed(
                    bank.team(),
                    new TransactionSelection(List.of(id), null, null, null, null, false, null))),
            Instant.now());

    completedExports.on(event);

    assertThat(runsOf(event.idempotencyKey()), empty());
  }

  private UUID publish(UUID teamId, TransactionSelection selection) {
    return events.publish(ExportCompleted.NAME, teamId, completed(teamId, selection));
  }

  private static ExportCompleted completed(UUID teamId, TransactionSelection selection) {
    return new ExportCompleted(
        teamId,
        UUID.randomUUID(),
        selection,
        1,
        0,
        0,
        100,
        "export.zip",
        "https://example.test/x",
        Instant.now().plus(1, ChronoUnit.DAYS));
  }

  private RunView awaitRun(UUID event) {
    String key = "event:" + event;
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofMillis(100))
        .until(() -> runsOf(key).stream().anyMatch(r -> r.status() == RunStatus.COMPLETED));
    return runsOf(key).getFirst();
  }

  private List<RunView> runsOf(String idempotencyKey) {
    return kit.triggered(MarkExportedTask.ID).stream()
        .filter(r -> idempotencyKey.equals(r.idempotencyKey()))
        .toList();
  }

  private Instant occurredAt(UUID event) {
    return bank.queryOne(
            "SELECT created_at FROM engine.events WHERE id = ?", OffsetDateTime.class, event)
        .toInstant();
  }
}
