package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.Channel;
import dev.nightshift.calendar.provider.google.GoogleCalendarApi.WatchRequest;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;

/**
 * Google push channels ("watches") of calendars' events: open one, stop one. Which channels exist
 * and when they are renewed is the caller's business; this only speaks to Google. Google posts to
 * https addresses only, so a configured push URL that is not https fails the start.
 */
@ApplicationScoped
public class GoogleChannels {

  private final GoogleCalendarClient client;
  private final GoogleCalendarConfig config;

  GoogleChannels(GoogleCalendarClient client, GoogleCalendarConfig config) {
    this.client = client;
    this.config = config;
  }

  /**
   * A channel Google opened.
   *
   * @param expiresAt when Google ends it: the asked lifetime, or less when Google caps it
   */
  public record Opened(String id, String resourceId, Instant expiresAt) {}

  void checkPushUrl(@Observes StartupEvent start) {
    pushUrl();
  }

  /** The address channels are opened with; empty when Nightshift registers none. */
  public Optional<URI> pushUrl() {
    var url = config.pushUrl();
    if (url.isPresent() && !"https".equalsIgnoreCase(url.get().getScheme())) {
      throw new IllegalStateException(
          "nightshift.calendar.google.push-url must be an https URL (Google posts notifications"
              + " to https only), not "
              + url.get());
    }
    return url;
  }

  /**
   * Opens a channel on a calendar's events that posts to {@link #pushUrl()}.
   *
   * @param token what Google echoes in {@code X-Goog-Channel-Token}
   * @throws IllegalStateException when no push URL is configured
   */
  public Opened watch(
      ProviderAccess access, String calendarExternalId, String channelId, String token) {
    var address =
        pushUrl()
            .orElseThrow(
                () -> new IllegalStateException("nightshift.calendar.google.push-url is not set"));
    Duration ttl = config.channelTtl();
    Instant asked = Instant.now();
    Channel channel =
        client.watch(
            accessToken(access),
            calendarExternalId,
            new WatchRequest(
                channelId,
                "web_hook",
                address.toString(),
                token,
                Map.of("ttl", Long.toString(ttl.toSeconds()))));
    return new Opened(
        channel.id() == null ? channelId : channel.id(),
        channel.resourceId(),
        channel.expiration() == null
            // Google always answers one; without it, the asked lifetime is the best guess.
            ? asked.plus(ttl)
            : Instant.ofEpochMilli(Long.parseLong(channel.expiration())));
  }

  /** Stops a channel: Google posts no more notifications to it. */
  public void stop(ProviderAccess access, String channelId, String resourceId) {
    client.stop(accessToken(access), channelId, resourceId);
  }

  private static String accessToken(ProviderAccess access) {
    if (access instanceof ProviderAccess.OAuth(String accessToken)) {
      return accessToken;
    }
    throw new IllegalArgumentException("Google Calendar needs OAuth access, not " + access);
  }
}
