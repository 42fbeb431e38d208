package dev.nightshift.transactions.matching;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import dev.nightshift.contracts.transactions.MatchCandidate;
import dev.nightshift.contracts.transactions.MatchCandidates;
import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.account.AccountStore;
import dev.nightshift.transactions.account.BankAccount;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import dev.nightshift.transactions.transaction.TransactionStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class MatchCandidateStoreIntegrationTest {

  private static final LocalDate DAY = LocalDate.of(2026, 3, 10);

  @Inject MatchCandidates candidates;
  @Inject TeamStore teams;
  @Inject ConnectionStore connections;
  @Inject AccountStore accounts;
  @Inject TransactionStore transactions;
  @Inject DataSource dataSource;

  @Test
  void findsPostedTransactionsOfTheExactAmountInTheWindowNearestFirst() {
    var account = account();
    store(
        account,
        posted("far", DAY.plusDays(9), "-120.00", "EUR"),
        posted("near", DAY.minusDays(2), "-120.00", "EUR"),
        posted("nearest", DAY.plusDays(1), "-120.00", "USD"),
        posted("outside", DAY.plusDays(11), "-120.00", "EUR"),
        posted("other-amount", DAY, "-120.01", "EUR"),
        posted("money-in", DAY, "120.00", "EUR"),
        transaction("pending", DAY, "-120.00", "EUR", TransactionStatus.PENDING));

    var found =
        candidates.withAmount(
            account.teamId(),
            new BigDecimal("-120.00"),
            DAY.minusDays(10),
            DAY.plusDays(10),
            DAY,
            10);

    assertThat(names(found), contains("nearest", "near", "far"));
    var nearest = found.getFirst();
    assertThat(nearest.teamId(), equalTo(account.teamId()));
    assertThat(nearest.date(), equalTo(DAY.plusDays(1)));
    assertThat(nearest.amount().compareTo(new BigDecimal("-120")), equalTo(0));
    assertThat(nearest.currency(), equalTo("USD"));
    assertThat(nearest.merchant(), equalTo("Merchant nearest"));
    assertThat(nearest.counterparty(), equalTo("Counterparty nearest"));
    assertThat(nearest.description(), equalTo("Description nearest"));
    assertThat(
        names(
            candidates.withAmount(
                account.teamId(),
                new BigDecimal("-120"),
                DAY.minusDays(10),
                DAY.plusDays(10),
                DAY,
                2)),
        contains("nearest", "near"));
  }

  @Test
  void neverAnswersWithAnotherTeamsTransactions() {
    var mine = account();
    var theirs = account();
    store(theirs, posted("theirs", DAY, "-50.00", "EUR"));
    var theirId = ids(theirs).getFirst();

    assertThat(
        candidates.withAmount(
            mine.teamId(), new BigDecimal("-50.00"), DAY.minusDays(5), DAY.plusDays(5), DAY, 10),
        empty());
    assertThat(candidates.byIds(mine.teamId(), List.of(theirId)), empty());
    assertThat(names(candidates.byIds(theirs.teamId(), List.of(theirId))), contains("theirs"));
  }

  @Test
  void byIdsReadsPendingAndPostedAndSkipsUnknownIds() {
    var account = account();
    store(
        account,
        posted("posted", DAY, "-10.00", "EUR"),
        transaction("pending", DAY, "-11.00", "EUR", TransactionStatus.PENDING));
    var all = new java.util.ArrayList<>(ids(account));
    all.add(UUID.randomUUID());

    assertThat(
        names(candidates.byIds(account.teamId(), all)), containsInAnyOrder("posted", "pending"));
    assertThat(candidates.byIds(account.teamId(), List.of()), empty());
  }

  private List<String> names(List<MatchCandidate> found) {
    return found.stream().map(MatchCandidate::name).toList();
  }

  private List<UUID> ids(BankAccount account) {
    try (var c = dataSource.getConnection();
        var select =
            c.prepareStatement(
                "SELECT id FROM transactions.transactions WHERE account_id = ? ORDER BY name")) {
      select.setObject(1, account.id());
      var ids = new java.util.ArrayList<UUID>();
      try (var rs = select.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
      return ids;
    } catch (java.sql.SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private void store(BankAccount account, ProviderTransaction... rows) {
    transactions.upsert(account.teamId(), account.id(), "sandbox", List.of(rows));
  }

  private BankAccount account() {
    var team =
        teams.create(new NewTeam("Match", "mc-" + UUID.randomUUID().toString().substring(0, 8)));
    var connection =
        new BankConnection(
            Ids.next(),
            team.id(),
            "sandbox",
            "sandbox",
            "Bank",
            "seed",
            "CONNECTED",
            null,
            null,
            0,
            Instant.now());
    connections.insert(connection, new Credentials(null, "seed"));
    return accounts
        .upsert(
            team.id(),
            connection.id(),
            List.of(
                new ProviderAccount(
                    "acc", "Checking", AccountType.DEPOSITORY, "EUR", BigDecimal.TEN, null)))
        .getFirst();
  }

  private static ProviderTransaction posted(
      String name, LocalDate date, String amount, String currency) {
    return transaction(name, date, amount, currency, TransactionStatus.POSTED);
  }

  private static ProviderTransaction transaction(
      String name, LocalDate date, String amount, String currency, TransactionStatus status) {
    return new ProviderTransaction(
        name,
        date,
        new BigDecimal(amount),
        currency,
        name,
        "Description " + name,
        "Merchant " + name,
        "Counterparty " + name,
        null,
        TransactionMethod.CARD_PURCHASE,
        status,
        null);
  }
}
