package dev.nightshift.calendar.provider.google;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;

/**
 * Google Calendar: {@code nightshift.calendar.google.*}. Without a client id and secret the
 * application starts all the same; only refreshing an access token then fails, with a message that
 * names these keys.
 */
@ConfigMapping(prefix = "nightshift.calendar.google")
public interface GoogleCalendarConfig {

  /** The OAuth client id from the Google Cloud console (Credentials, OAuth 2.0 Client IDs). */
  Optional<String> clientId();

  /** The secret of {@link #clientId()}. Put it in the environment. */
  Optional<String> clientSecret();

  /** Where the Calendar API v3 lives; tests point it at a stand-in. */
  @WithDefault("https://www.googleapis.com")
  URI apiUrl();

  /** Google's OAuth 2.0 token endpoint, the whole URL. */
  @WithDefault("https://oauth2.googleapis.com/token")
  URI tokenUrl();

  /**
   * {@code maxResults} of one events.list page. Google's default is 250 and its maximum 2500;
   * fewer, larger pages cost fewer calls against the quota.
   */
  @WithDefault("2500")
  int pageSize();

  /** Connect timeout of one HTTP request, and then the longest wait for its answer. */
  @WithDefault("30s")
  Duration timeout();

  /**
   * The public https URL of {@code /webhooks/google-calendar}, which Google's watch channels post
   * to. Unset: Nightshift opens no channels, and only the batch sync and manual syncs pick up
   * changes (or a backend opens channels itself).
   */
  Optional<URI> pushUrl();

  /** The lifetime asked for a watch channel; Google may grant less. */
  @WithDefault("7d")
  Duration channelTtl();

  /** A channel that expires within this is replaced by a new one, and then stopped. */
  @WithDefault("1d")
  Duration channelRenewBefore();

  /** When {@code calendar-renew-channels} looks for channels to renew (Quartz cron, UTC). */
  @WithDefault("0 20 * * * ?")
  String channelRenewCron();

  /** Retries of one call that met a rate limit, a 5xx or no answer at all. */
  Retry retry();

  interface Retry {

    /** Retries after the first attempt; 0 turns retrying off. */
    @WithDefault("4")
    int maxRetries();

    /**
     * The wait before the first retry when Google names none; it doubles with each retry, and the
     * wait is drawn at random between half of it and all of it (jitter), so that many workers that
     * met the same limit do not come back together.
     */
    @WithDefault("500ms")
    Duration initialDelay();

    /** The longest computed wait between two attempts. */
    @WithDefault("30s")
    Duration maxDelay();

    /**
     * The longest {@code Retry-After} honoured: Google's hint is waited for up to this long. Longer
     * waits belong to the sync run's own retries, not to a blocked worker.
     */
    @WithDefault("60s")
    Duration maxRetryAfter();

    /** No retry starts once this long has passed since the first attempt of a call. */
    @WithDefault("5m")
    Duration maxDuration();
  }
}
