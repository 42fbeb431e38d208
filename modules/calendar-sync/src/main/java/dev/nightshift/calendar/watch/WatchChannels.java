package dev.nightshift.calendar.watch;

import dev.nightshift.calendar.calendarlist.CalendarStore;
import dev.nightshift.calendar.calendarlist.ConnectedCalendar;
import dev.nightshift.calendar.config.CalendarSyncConfig;
import dev.nightshift.calendar.connection.CalendarConnection;
import dev.nightshift.calendar.connection.ConnectionStore;
import dev.nightshift.calendar.connection.ProviderSession;
import dev.nightshift.calendar.connection.ProviderSessions;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.ProviderName;
import dev.nightshift.calendar.provider.google.GoogleCalendarConfig;
import dev.nightshift.calendar.provider.google.GoogleChannels;
import dev.nightshift.calendar.push.ChannelTokens;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;
import org.jboss.logging.Logger;

/**
 * Keeps one live Google push channel per synced calendar of a Google connection, when {@code
 * nightshift.calendar.google.push-url} is set. A channel about to expire is replaced: the new one
 * opens first, then the old one is stopped, so no change goes unnoticed in between. Everything here
 * is best effort: a channel that cannot be opened leaves the calendar to the batch sync, and one
 * that cannot be stopped is forgotten (Google ends it at its expiry, and its notifications then
 * name a connection that is gone or a calendar that is not synced).
 */
@ApplicationScoped
public class WatchChannels {

  private static final Logger LOG = Logger.getLogger(WatchChannels.class);
  private static final SecureRandom RANDOM = new SecureRandom();

  private final GoogleChannels google;
  private final GoogleCalendarConfig googleConfig;
  private final CalendarSyncConfig syncConfig;
  private final ChannelTokens tokens;
  private final WatchChannelStore store;
  private final CalendarStore calendars;
  private final ConnectionStore connections;
  private final ProviderSessions sessions;

  WatchChannels(
      GoogleChannels google,
      GoogleCalendarConfig googleConfig,
      CalendarSyncConfig syncConfig,
      ChannelTokens tokens,
      WatchChannelStore store,
      CalendarStore calendars,
      ConnectionStore connections,
      ProviderSessions sessions) {
    this.google = google;
    this.googleConfig = googleConfig;
    this.syncConfig = syncConfig;
    this.tokens = tokens;
    this.store = store;
    this.calendars = calendars;
    this.connections = connections;
    this.sessions = sessions;
  }

  /**
   * What opened channels would be worth nothing without fails the start: a token needs the push
   * secret, and a channel renewed no earlier than it expires leaves a gap.
   */
  void checkSettings(@Observes StartupEvent start) {
    if (!enabled()) {
      return;
    }
    if (syncConfig.pushSecret().isEmpty()) {
      throw new IllegalStateException(
          "nightshift.calendar.google.push-url is set, so nightshift.calendar.sync.push-secret"
              + " must be too: it signs the channels' tokens");
    }
    if (googleConfig.channelRenewBefore().compareTo(googleConfig.channelTtl()) >= 0) {
      throw new IllegalStateException(
          "nightshift.calendar.google.channel-renew-before must be shorter than channel-ttl");
    }
  }

  /** Whether Nightshift opens channels: a push URL is configured. */
  public boolean enabled() {
    return google.pushUrl().isPresent();
  }

  /**
   * What one pass over a connection did.
   *
   * @param opened channels opened; {@code stopped} channels stopped or forgotten; {@code failed}
   *     calls Google refused or did not answer
   */
  public record Renewal(int opened, int stopped, int failed) {

    static final Renewal NONE = new Renewal(0, 0, 0);

    Renewal plus(Renewal other) {
      return new Renewal(opened + other.opened, stopped + other.stopped, failed + other.failed);
    }
  }

  /**
   * Opens a channel for each synced calendar of the connection with none that lives past the
   * renewal lead, then stops the ones it replaces and those of calendars no longer synced. A
   * connection whose grant turns out revoked is deactivated, as a sync would.
   *
   * @param session the connection's session, such as the one of the sync that just ended
   */
  public Renewal maintain(CalendarConnection connection, ProviderSession session) {
    if (!enabled() || connection.provider() != ProviderName.GOOGLE || !connection.active()) {
      return Renewal.NONE;
    }
    var horizon = Instant.now().plus(googleConfig.channelRenewBefore());
    var existing = store.of(connection.id());
    var done = Renewal.NONE;
    try {
      for (ConnectedCalendar calendar : calendars.of(connection.id())) {
        var mine = existing.stream().filter(c -> c.calendarId().equals(calendar.id())).toList();
        if (!calendar.synced()) {
          done = done.plus(stop(session, mine));
        } else if (mine.stream().noneMatch(c -> c.expiresAt().isAfter(horizon))) {
          var opened = open(session, connection, calendar);
          // The old channels go only once the new one is open: until then they still notify.
          done = opened.opened() == 1 ? opened.plus(stop(session, mine)) : done.plus(opened);
        }
      }
    } catch (ConnectionRevokedException e) {
      connections.deactivate(connection.id(), "revoked: " + e.getMessage());
      LOG.infof("Calendar connection %s deactivated: %s", connection.id(), e.getMessage());
    }
    return done;
  }

  /**
   * Stops a connection's channels; call it before deleting the connection, whose tokens it uses.
   */
  public void stopAll(CalendarConnection connection) {
    stopWhere(connection, store.of(connection.id()));
  }

  /** Stops the channels of a calendar that is no longer synced. */
  public void stopCalendar(CalendarConnection connection, UUID calendarId) {
    stopWhere(
        connection,
        store.of(connection.id()).stream().filter(c -> c.calendarId().equals(calendarId)).toList());
  }

  private void stopWhere(CalendarConnection connection, List<WatchChannel> channels) {
    if (channels.isEmpty()) {
      return;
    }
    try {
      stop(sessions.open(connection), channels);
    } catch (RuntimeException e) {
      // No session (the grant is gone): Google ends the channels at their expiry.
      LOG.warnf(
          "Could not stop the push channels of calendar connection %s: %s",
          connection.id(), e.getMessage());
      channels.forEach(channel -> store.delete(channel.id()));
    }
  }

  private Renewal open(
      ProviderSession session, CalendarConnection connection, ConnectedCalendar calendar) {
    var id = ChannelTokens.channelId(connection.id(), suffix());
    var token = tokens.tokenFor(connection.id());
    try {
      var opened = session.call(access -> google.watch(access, calendar.externalId(), id, token));
      store.insert(
          new WatchChannel(
              opened.id(),
              connection.id(),
              calendar.id(),
              opened.resourceId(),
              opened.expiresAt()));
      return new Renewal(1, 0, 0);
    } catch (ConnectionRevokedException e) {
      throw e;
    } catch (RuntimeException e) {
      // Some calendars (public holiday calendars, for one) cannot be watched at all.
      LOG.warnf(
          "Could not open a push channel on calendar %s of connection %s: %s",
          calendar.externalId(), connection.id(), e.getMessage());
      return new Renewal(0, 0, 1);
    }
  }

  private Renewal stop(ProviderSession session, List<WatchChannel> channels) {
    int failed = 0;
    var now = Instant.now();
    for (var channel : channels) {
      if (channel.expiresAt().isAfter(now)) {
        try {
          session.call(
              access -> {
                google.stop(access, channel.id(), channel.resourceId());
                return null;
              });
        } catch (RuntimeException e) {
          failed++;
          LOG.warnf(
              "Could not stop push channel %s, Google ends it by %s: %s",
              channel.id(), channel.expiresAt(), e.getMessage());
        }
      }
      store.delete(channel.id());
    }
    return new Renewal(0, channels.size(), failed);
  }

  /** 16 hex digits: with the connection id, well within Google's 64 characters of a channel id. */
  private static String suffix() {
    var bytes = new byte[8];
    RANDOM.nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
