package dev.nightshift.calendar.watch;

import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.connection.ProviderSessions;
import dev.nightshift.calendar.provider.google.GoogleCalendarConfig;
import dev.nightshift.engine.Task;
import dev.nightshift.engine.TaskContext;
import dev.nightshift.engine.TaskDefinition;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.UUID;

/**
 * Renews Google push channels: for every active Google connection with a synced calendar whose
 * channel expires within {@code channel-renew-before} (or that has none), {@link
 * WatchChannels#maintain} opens the new channels and stops the old. Each connection is a durable
 * step, so a retried run does not open its channels twice. Does nothing without a push URL.
 */
@ApplicationScoped
@TaskDefinition(
    id = RenewChannelsTask.ID,
    concurrencyLimit = 1,
    maxAttempts = 3,
    maxDuration = "30m")
public class RenewChannelsTask
    implements Task<RenewChannelsTask.Payload, RenewChannelsTask.Result> {

  public static final String ID = "calendar-renew-channels";

  public record Payload() {}

  /**
   * @param connections connections looked at; the rest as in {@link WatchChannels.Renewal}
   */
  public record Result(int connections, int opened, int stopped, int failed) {}

  private final WatchChannels channels;
  private final WatchChannelStore store;
  private final ConnectionStore connections;
  private final ProviderSessions sessions;
  private final GoogleCalendarConfig config;

  RenewChannelsTask(
      WatchChannels channels,
      WatchChannelStore store,
      ConnectionStore connections,
      ProviderSessions sessions,
      GoogleCalendarConfig config) {
    this.channels = channels;
    this.store = store;
    this.connections = connections;
    this.sessions = sessions;
    this.config = config;
  }

  @Override
  public Result run(Payload payload, TaskContext ctx) throws Exception {
    if (!channels.enabled()) {
      return new Result(0, 0, 0, 0);
    }
    var due =
        ctx.step(
            "connections",
            UUID[].class,
            () -> {
              var now = Instant.now();
              store.deleteExpired(now);
              return store
                  .connectionsToRenew(now.plus(config.channelRenewBefore()))
                  .toArray(UUID[]::new);
            });
    var sum = WatchChannels.Renewal.NONE;
    for (UUID id : due) {
      sum =
          sum.plus(
              ctx.step(
                  "connection:" + id,
                  WatchChannels.Renewal.class,
                  () ->
                      connections
                          .find(id)
                          .map(found -> channels.maintain(found, sessions.open(found)))
                          .orElse(WatchChannels.Renewal.NONE)));
    }
    return new Result(due.length, sum.opened(), sum.stopped(), sum.failed());
  }
}
