package dev.nightshift.transactions.sync;

import dev.nightshift.contracts.transactions.TransactionsCreated;
import dev.nightshift.engine.Events;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import dev.nightshift.transactions.config.TransactionsConfig;
import dev.nightshift.transactions.connection.ConnectionStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.constraints.NotNull;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A new connection's first sync: its accounts, then every enabled account's history in pages (each
 * a durable step), then the team's hourly sync schedule and one {@code transactions.created}.
 */
@ApplicationScoped
@TaskDefinition(id = SetupTask.ID, concurrencyLimit = 25, maxAttempts = 5, maxDuration = "30m")
public class SetupTask implements Task<SetupTask.Payload, SetupTask.Result> {

  public static final String ID = "transactions-setup";

  public record Payload(@NotNull UUID connectionId) {}

  /**
   * @param accounts the enabled accounts synced
   * @param created the transactions stored
   * @param scheduleId the team's hourly sync schedule
   */
  public record Result(int accounts, int created, UUID scheduleId) {}

  private record Synced(int accounts, List<UUID> created) {}

  private final ConnectionStore connections;
  private final AccountSync sync;
  private final SyncSchedule schedule;
  private final SyncFailures failures;
  private final Events events;
  private final TransactionsConfig config;

  SetupTask(
      ConnectionStore connections,
      AccountSync sync,
      SyncSchedule schedule,
      SyncFailures failures,
      Events events,
      TransactionsConfig config) {
    this.connections = connections;
    this.sync = sync;
    this.schedule = schedule;
    this.failures = failures;
    this.events = events;
    this.config = config;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    var connection = connections.find(payload.connectionId()).orElse(null);
    if (connection == null) {
      return new Result(0, 0, null);
    }
    var since =
        ctx.step(
            "since",
            LocalDate.class,
            () -> LocalDate.now(ZoneOffset.UTC).minusDays(config.initialSyncDays()));
    var synced =
        failures.guard(
            connection,
            () -> {
              var ids = sync.refreshAccounts(connection, ctx);
              var progress = new Progress(ctx, ids.ids().size());
              return new Synced(ids.ids().size(), sync.sync(connection, ids, since, ctx, progress));
            });
    var scheduleId = ctx.step("schedule", UUID.class, () -> schedule.ensure(connection.teamId()));
    ctx.step(
        "published",
        () -> {
          connections.synced(connection.id());
          if (!synced.created().isEmpty()) {
            events.publish(
                TransactionsCreated.NAME,
                connection.teamId(),
                new TransactionsCreated(connection.teamId(), synced.created()));
          }
        });
    return new Result(synced.accounts(), synced.created().size(), scheduleId);
  }
}
