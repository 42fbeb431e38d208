package dev.nightshift.transactions.sync;

import dev.nightshift.contracts.transactions.TransactionsCreated;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.platform.team.TeamStore;
import dev.nightshift.transactions.config.TransactionsConfig;
import dev.nightshift.transactions.connection.BankConnection;
import dev.nightshift.transactions.connection.ConnectionStore;
import dev.nightshift.transactions.provider.ProviderAuthException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A team's hourly sync: every connected connection's enabled accounts over the last {@code
 * nightshift.transactions.sync-days}, upserted by the provider's id, then one {@code
 * transactions.created} with the new ids. One per team at a time (its runs carry the team as
 * concurrency key). A connection the provider refuses is disconnected and skipped; a transient
 * failure fails the run after the other connections synced, and the retry skips those.
 */
@ApplicationScoped
@TaskDefinition(id = SyncTask.ID, concurrencyLimit = 1, maxAttempts = 3, maxDuration = "30m")
public class SyncTask implements Task<SyncTask.Payload, SyncTask.Result> {

  public static final String ID = "transactions-sync";

  public record Payload(@NotNull UUID teamId) {}

  /**
   * @param connections the connections synced
   * @param created the transactions this sync created
   * @param disconnected connections the provider refused in this sync
   */
  public record Result(int connections, int created, int disconnected) {}

  private final TeamStore teams;
  private final ConnectionStore connections;
  private final AccountSync sync;
  private final SyncSchedule schedule;
  private final SyncFailures failures;
  private final Events events;
  private final TransactionsConfig config;

  SyncTask(
      TeamStore teams,
      ConnectionStore connections,
      AccountSync sync,
      SyncSchedule schedule,
      SyncFailures failures,
      Events events,
      TransactionsConfig config) {
    this.teams = teams;
    this.connections = connections;
    this.sync = sync;
    this.schedule = schedule;
    this.failures = failures;
    this.events = events;
    this.config = config;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    var team = payload.teamId();
    if (teams.find(team).isEmpty()) {
      ctx.step("unscheduled", () -> schedule.remove(team));
      return new Result(0, 0, 0);
    }
    var since =
        ctx.step(
            "since",
            LocalDate.class,
            () -> LocalDate.now(ZoneOffset.UTC).minusDays(config.syncDays()));
    var created = new ArrayList<UUID>();
    int synced = 0;
    int disconnected = 0;
    Exception transientFailure = null;
    for (var connection : connections.listFor(team)) {
      if (!connection.connected()) {
        continue;
      }
      try {
        created.addAll(syncConnection(connection, since, ctx));
        synced++;
      } catch (ProviderAuthException e) {
        disconnected++;
      } catch (Exception e) {
        transientFailure = e;
      }
    }
    if (!created.isEmpty()) {
      ctx.step(
          "published",
          () ->
              events.publish(
                  TransactionsCreated.NAME, team, new TransactionsCreated(team, created)));
    }
    if (transientFailure != null) {
      throw transientFailure;
    }
    return new Result(synced, created.size(), disconnected);
  }

  /** Steps keyed by the connection, so connections skipped on a retry shift no other's steps. */
  private List<UUID> syncConnection(BankConnection connection, LocalDate since, TaskContext ctx)
      throws Exception {
    var created =
        failures.guard(
            connection,
            () -> {
              var ids = sync.refreshAccounts(connection, ctx);
              var progress = new Progress(ctx, ids.ids().size());
              return sync.sync(connection, ids, since, ctx, progress);
            });
    connections.synced(connection.id());
    return created;
  }
}
