package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.RemoteCalendar;
import dev.nightshift.engine.NonRetryableException;
import java.net.URI;
import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * One connection's calls to its provider, for one sync or one connect. Before each call of a Google
 * connection, an access token that expires within the refresh lead is exchanged for a new one and
 * handed to {@code onRefresh} (which stores it), so a long sync never calls with a dead token. An
 * unknown expiry counts as expiring. While the token has not expired yet, it still serves when
 * there is no refresh token or the token endpoint fails for now (anything but a refusal); an
 * expired token without a refresh token is {@link ConnectionRevokedException}. Counts its calls for
 * the sync log. Not thread-safe: one sync, one thread.
 */
public final class ProviderSession {

  private static final Logger LOG = Logger.getLogger(ProviderSession.class);

  private final CalendarProvider provider;
  private final OAuthTokens oauth;
  private final Duration refreshLead;
  private final Consumer<OAuthState> onRefresh;
  private final URI feed;
  private final InstantSource clock;
  private OAuthState tokens;
  private boolean refreshFailed;
  private int calls;

  private ProviderSession(
      CalendarProvider provider,
      OAuthTokens oauth,
      Duration refreshLead,
      OAuthState tokens,
      Consumer<OAuthState> onRefresh,
      URI feed,
      InstantSource clock) {
    this.provider = provider;
    this.oauth = oauth;
    this.refreshLead = refreshLead;
    this.tokens = tokens;
    this.onRefresh = onRefresh;
    this.feed = feed;
    this.clock = clock;
  }

  static ProviderSession oauth(
      CalendarProvider provider,
      OAuthTokens oauth,
      Duration refreshLead,
      OAuthState tokens,
      Consumer<OAuthState> onRefresh,
      InstantSource clock) {
    return new ProviderSession(provider, oauth, refreshLead, tokens, onRefresh, null, clock);
  }

  static ProviderSession feed(CalendarProvider provider, URI feed) {
    return new ProviderSession(provider, null, null, null, null, feed, null);
  }

  /**
   * @throws dev.nightshift.calendar.provider.ConnectionRevokedException the grant is gone
   */
  public List<RemoteCalendar> calendars() {
    var access = access();
    calls++;
    return provider.calendars(access);
  }

  /**
   * @throws dev.nightshift.calendar.provider.SyncTokenExpiredException the token is too old
   * @throws dev.nightshift.calendar.provider.ConnectionRevokedException the grant is gone
   */
  public EventPage events(EventQuery query) {
    var access = access();
    calls++;
    return provider.events(access, query);
  }

  /**
   * Any other call of the provider's API (such as Google's push channels), with access as fresh as
   * for {@link #events}.
   */
  public <T> T call(Function<ProviderAccess, T> call) {
    var access = access();
    calls++;
    return call.apply(access);
  }

  /** Calls made to the provider's calendar API, token refreshes not counted. */
  public int calls() {
    return calls;
  }

  /** The OAuth tokens as they are now, refreshed ones included; null for a feed. */
  public OAuthState tokens() {
    return tokens;
  }

  private ProviderAccess access() {
    if (feed != null) {
      return new ProviderAccess.Feed(feed);
    }
    var now = clock.instant();
    var expiresAt = tokens.expiresAt();
    if (expiresAt != null && expiresAt.isAfter(now.plus(refreshLead))) {
      return new ProviderAccess.OAuth(tokens.accessToken());
    }
    boolean stillValid =
        tokens.accessToken() != null && expiresAt != null && expiresAt.isAfter(now);
    if (stillValid && (tokens.refreshToken() == null || refreshFailed)) {
      // Nothing to renew it with, or the token endpoint already failed in this session: the
      // stored token still serves for a few minutes.
      return new ProviderAccess.OAuth(tokens.accessToken());
    }
    if (tokens.refreshToken() == null) {
      throw new ConnectionRevokedException(
          "The access token has expired and the connection has no refresh token:"
              + " connect the account again");
    }
    OAuthTokens.Grant grant;
    try {
      grant = oauth.refresh(tokens.refreshToken());
    } catch (ConnectionRevokedException | NonRetryableException refused) {
      throw refused;
    } catch (RuntimeException unavailable) {
      // The token endpoint is down for now (a failure the run would retry), and the stored token
      // still has a few minutes: calling with it beats failing the sync.
      if (!stillValid) {
        throw unavailable;
      }
      refreshFailed = true;
      LOG.warnf(
          "Token refresh failed, the access token (expiring %s) serves for now: %s",
          expiresAt, unavailable.getMessage());
      return new ProviderAccess.OAuth(tokens.accessToken());
    }
    tokens =
        new OAuthState(
            grant.accessToken(),
            grant.refreshToken() == null ? tokens.refreshToken() : grant.refreshToken(),
            grant.expiresAt());
    onRefresh.accept(tokens);
    return new ProviderAccess.OAuth(tokens.accessToken());
  }
}
