package dev.nightshift.transactions.export;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.lessThanOrEqualTo;

import dev.nightshift.contracts.transactions.ExportedTransaction;
import dev.nightshift.contracts.transactions.TransactionExports;
import dev.nightshift.contracts.transactions.TransactionPosition;
import dev.nightshift.contracts.transactions.TransactionSelection;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.TestBank;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class ExportPageStoreIntegrationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 6, 15);
  private static final TransactionSelection ALL =
      new TransactionSelection(null, null, null, null, null, false, null);

  /** Newest first as PostgreSQL sorts: date, then the id's bytes (its text), both descending. */
  private static final Comparator<ExportedTransaction> NEWEST_FIRST =
      Comparator.comparing(ExportedTransaction::date)
          .thenComparing(t -> t.id().toString())
          .reversed();

  @Inject TransactionExports exports;
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
  void pagesGoNewestFirstAndTogetherHoldEveryRowOnce() {
    var card = bank.account(team, "Company Card");
    var stored = new HashSet<UUID>();
    // Five dates, about a dozen transactions on each: pages of 7 end in the middle of a date.
    for (int i = 0; i < 61; i++) {
      var account = i % 3 == 0 ? card : checking;
      stored.add(bank.transaction(team, account, DAY.minusDays(i % 5), "t" + i));
    }

    var read = new ArrayList<ExportedTransaction>();
    TransactionPosition after = null;
    int pages = 0;
    while (true) {
      var page = exports.page(team, ALL, after, 7);
      pages++;
      assertThat(page.size(), lessThanOrEqualTo(7));
      read.addAll(page);
      if (page.size() < 7) {
        break;
      }
      after = new TransactionPosition(page.getLast().date(), page.getLast().id());
    }

    assertThat(pages, equalTo(9));
    assertThat(read, hasSize(61));
    assertThat(
        read.stream().map(ExportedTransaction::id).toList(), containsInAnyOrder(stored.toArray()));
    assertThat(read, equalTo(read.stream().sorted(NEWEST_FIRST).toList()));
    assertThat(
        "the page after the last row is empty",
        exports.page(
            team, ALL, new TransactionPosition(read.getLast().date(), read.getLast().id()), 7),
        empty());
    assertThat(exports.count(team, ALL), equalTo(61L));
  }

  @Test
  void aRowCarriesItsAccountsNameAndItsNote() {
    var id = bank.transaction(team, checking, DAY, "Figma");
    bank.note(id, "Design seats, Q3");

    var row = exports.page(team, ALL, null, 10).getFirst();

    assertThat(
        row,
        equalTo(
            new ExportedTransaction(
                id,
                DAY,
                "Figma",
                "Description Figma",
                new BigDecimal("-10.0000"),
                "EUR",
                "Counterparty Figma",
                "Merchant Figma",
                "software",
                "CARD_PURCHASE",
                "POSTED",
                new BigDecimal("90.0000"),
                checking,
                "Checking",
                "Design seats, Q3")));
  }

  @Test
  void everyConditionTheSelectionSetsApplies() {
    var card = bank.account(team, "Company Card");
    var now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    var old = bank.transaction(team, checking, DAY.minusDays(30), "old", "POSTED", now);
    var early = bank.transaction(team, checking, DAY.minusDays(10), "early", "POSTED", now);
    var pending = bank.transaction(team, checking, DAY, "pending", "PENDING", now);
    var onCard = bank.transaction(team, card, DAY.minusDays(5), "on-card", "POSTED", now);
    var stale =
        bank.transaction(
            team, card, DAY.minusDays(8), "stale", "POSTED", now.minus(2, ChronoUnit.DAYS));
    var exported = bank.transaction(team, checking, DAY.minusDays(1), "exported", "POSTED", now);
    bank.exported(exported, now);

    assertThat(names(ALL), contains("pending", "exported", "on-card", "stale", "early", "old"));
    assertThat(
        names(select(List.of(old, onCard), null, null, null, null, false, null)),
        contains("on-card", "old"));
    assertThat(
        names(select(null, List.of(card), null, null, null, false, null)),
        contains("on-card", "stale"));
    assertThat(
        "from and to are inclusive",
        names(select(null, null, DAY.minusDays(10), DAY.minusDays(1), null, false, null)),
        contains("exported", "on-card", "stale", "early"));
    assertThat(names(select(null, null, null, null, "PENDING", false, null)), contains("pending"));
    assertThat(
        names(select(null, null, null, null, null, true, null)),
        contains("pending", "on-card", "stale", "early", "old"));
    assertThat(
        names(select(null, null, null, null, null, false, now.minus(1, ChronoUnit.DAYS))),
        contains("stale"));
    assertThat(
        "empty lists and a blank status do not filter",
        names(select(List.of(), List.of(), null, null, " ", false, null)),
        hasSize(6));
    var all =
        new TransactionSelection(
            List.of(early, stale, onCard, pending),
            List.of(checking, card),
            DAY.minusDays(10),
            DAY.minusDays(5),
            "POSTED",
            true,
            now.minus(1, ChronoUnit.DAYS));
    assertThat("every condition at once", names(all), contains("stale"));
    assertThat(exports.count(team, all), equalTo(1L));
    assertThat(
        exports.count(
            team, new TransactionSelection(null, List.of(card), null, null, null, false, null)),
        equalTo(2L));
    assertThat("null is every transaction too", exports.page(team, null, null, 10), hasSize(6));
    assertThat(exports.count(team, null), equalTo(6L));
  }

  @Test
  void anotherTeamsTransactionsAreNeverReturned() {
    var mine = bank.transaction(team, checking, DAY, "mine");
    var other = bank.team();
    var theirAccount = bank.account(other, "Theirs");
    var theirs = bank.transaction(other, theirAccount, DAY, "theirs");

    assertThat(names(ALL), contains("mine"));
    assertThat(
        names(select(List.of(mine, theirs), null, null, null, null, false, null)),
        contains("mine"));
    assertThat(select(List.of(theirs), null, null, null, null, false, null), empty());
    assertThat(select(null, List.of(theirAccount), null, null, null, false, null), empty());
    assertThat(
        exports.count(
            team, new TransactionSelection(List.of(theirs), null, null, null, null, false, null)),
        equalTo(0L));
    assertThat(exports.page(bank.team(), ALL, null, 10), empty());
  }

  private List<ExportedTransaction> select(
      List<UUID> ids,
      List<UUID> accountIds,
      LocalDate from,
      LocalDate to,
      String status,
      boolean notExported,
      Instant createdBefore) {
    return exports.page(
        team,
        new TransactionSelection(ids, accountIds, from, to, status, notExported, createdBefore),
        null,
        100);
  }

  private List<String> names(TransactionSelection selection) {
    return names(exports.page(team, selection, null, 100));
  }

  private static List<String> names(List<ExportedTransaction> page) {
    return page.stream().map(ExportedTransaction::name).toList();
  }
}
