package dev.nightshift.transactions.transaction;

import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.nightshift.platform.database.Ids;
import dev.nightshift.platform.team.NewTeam;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.testkit.PostgresTestResource;
import dev.nightshift.transactions.account.AccountStore;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.Credentials;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.ProviderTransaction;
import dev.nightshift.transactions.provider.TransactionMethod;
import dev.nightshift.transactions.provider.TransactionStatus;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PostgresTestResource.class)
class TransactionStoreIntegrationTest {

  @Inject TeamStore teams;
  @Inject ConnectionStore connections;
  @Inject AccountStore accounts;
  @Inject TransactionStore transactions;

  @Test
  void upsertCreatesOnceAppliesChangesAndLeavesUnchangedRowsAlone() {
    var account = account();
    var pending = transaction("t1", "-12.50", TransactionStatus.PENDING);

    var first = transactions.upsert(account.teamId(), account.id(), "sandbox", List.of(pending));
    var again = transactions.upsert(account.teamId(), account.id(), "sandbox", List.of(pending));
    var posted =
        transactions.upsert(
            account.teamId(),
            account.id(),
            "sandbox",
            List.of(transaction("t1", "-12.75", TransactionStatus.POSTED)));

    assertThat(first.created(), hasSize(1));
    assertThat("unchanged: neither created nor updated", again.created(), empty());
    assertThat(again.updated(), equalTo(0));
    assertThat(posted.created(), empty());
    assertThat(posted.updated(), equalTo(1));
    var stored = list(account.teamId());
    assertThat(stored, hasSize(1));
    assertThat(stored.getFirst().status(), equalTo("POSTED"));
    assertThat(stored.getFirst().amount(), equalTo(new BigDecimal("-12.7500")));
  }

  @Test
  void aPendingTransactionTheProviderNoLongerListsIsDeleted() {
    var account = account();
    transactions.upsert(
        account.teamId(),
        account.id(),
        "gocardless",
        List.of(
            transaction("pending-id", "-30.00", TransactionStatus.PENDING),
            transaction("booked-id", "-30.00", TransactionStatus.POSTED)));

    int deleted =
        transactions.deleteWithdrawnPending(
            account.id(), "gocardless", LocalDate.now().minusDays(30), List.of("booked-id"));

    assertThat(deleted, equalTo(1));
    assertThat(
        list(account.teamId()).stream().map(Transaction::internalId).toList(),
        contains("gocardless:booked-id"));
  }

  private List<Transaction> list(UUID team) {
    return transactions.list(
        new TransactionFilter(team, null, null, null, null, null, null, null, 100));
  }

  private dev.nightshift.transactions.account.BankAccount account() {
    var team =
        teams.create(new NewTeam("Store", "st-" + UUID.randomUUID().toString().substring(0, 8)));
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

  private static ProviderTransaction transaction(
      String id, String amount, TransactionStatus status) {
    return new ProviderTransaction(
        id,
        LocalDate.now().minusDays(1),
        new BigDecimal(amount),
        "EUR",
        "Coffee",
        null,
        "Coffee",
        null,
        "meals",
        TransactionMethod.CARD_PURCHASE,
        status,
        null);
  }
}
