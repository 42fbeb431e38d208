package dev.nightshift.transactions.sync;

import dev.nightshift.engine.TaskContext;
import dev.nightshift.transactions.account.AccountStore;
import dev.nightshift.transactions.account.BankAccount;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.AccountType;
import dev.nightshift.transactions.provider.ProviderAccount;
import dev.nightshift.transactions.provider.Providers;
import dev.nightshift.transactions.transaction.TransactionStore;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Syncs a connection's enabled accounts page by page, each page a durable step: a sync that fails
 * or restarts goes on from the first page it had not stored. Reports "account 2 of 3, 450
 * transactions" as it goes.
 */
@ApplicationScoped
class AccountSync {

  private final Providers providers;
  private final ConnectionStore connections;
  private final AccountStore accounts;
  private final TransactionStore transactions;

  AccountSync(
      Providers providers,
      ConnectionStore connections,
      AccountStore accounts,
      TransactionStore transactions) {
    this.providers = providers;
    this.connections = connections;
    this.accounts = accounts;
    this.transactions = transactions;
  }

  /** Refreshes the connection's accounts from the provider; the enabled ones, as a step. */
  AccountIds refreshAccounts(BankConnection connection, TaskContext ctx) throws Exception {
    return ctx.step(
        "accounts-" + connection.id(),
        AccountIds.class,
        () -> {
          var provider = providers.get(connection.provider());
          var found = provider.accounts(connections.credentials(connection.id()));
          var stored = accounts.upsert(connection.teamId(), connection.id(), found);
          return new AccountIds(
              stored.stream().filter(BankAccount::enabled).map(BankAccount::id).toList());
        });
  }

  /**
   * Reads every page of the accounts' transactions booked on or after {@code since}; returns the
   * ids of the transactions created.
   */
  List<UUID> sync(
      BankConnection connection,
      AccountIds ids,
      LocalDate since,
      TaskContext ctx,
      Progress progress)
      throws Exception {
    var provider = providers.get(connection.provider());
    var created = new ArrayList<UUID>();
    for (var accountId : ids.ids()) {
      var account = accounts.find(accountId).orElse(null);
      if (account == null) {
        continue;
      }
      progress.nextAccount();
      var remote = asProvided(account);
      String cursor = null;
      var seen = new ArrayList<String>();
      do {
        String from = cursor;
        var page =
            ctx.step(
                "page-" + accountId,
                PageResult.class,
                () -> {
                  var read =
                      provider.transactions(
                          connections.credentials(connection.id()), remote, since, from);
                  var stored =
                      transactions.upsert(
                          connection.teamId(), accountId, provider.id(), read.transactions());
                  var listed = read.transactions().stream().map(t -> t.id()).toList();
                  return new PageResult(stored.created(), listed, read.nextCursor());
                });
        created.addAll(page.created());
        seen.addAll(page.seen());
        progress.read(page.seen().size());
        cursor = page.nextCursor();
      } while (cursor != null);
      // Some providers give a pending transaction a new id once it posts: the pending one they
      // no longer list is gone.
      ctx.step(
          "withdrawn-" + accountId,
          Integer.class,
          () -> transactions.deleteWithdrawnPending(accountId, provider.id(), since, seen));
    }
    return created;
  }

  private static ProviderAccount asProvided(BankAccount account) {
    return new ProviderAccount(
        account.providerAccountId(),
        account.name(),
        AccountType.valueOf(account.type()),
        account.currency(),
        account.balance(),
        account.availableBalance());
  }
}
