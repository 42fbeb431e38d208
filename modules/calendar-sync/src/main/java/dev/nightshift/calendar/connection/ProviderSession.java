package dev.nightshift.calendar.connection;

import dev.nightshift.calendar.provider.CalendarProvider;
import dev.nightshift.calendar.provider.EventPage;
import dev.nightshift.calendar.provider.EventQuery;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderAccess;
import dev.nightshift.calendar.provider.RemoteCalendar;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

/**
 * One connection's calls to its provider, for one sync or one connect. Before each call of a Google
 * connection, an access token that expires within the refresh lead is exchanged for a new one and
 * handed to {@code onRefresh} (which stores it), so a long sync never calls with a dead token.
 * Counts its calls for the sync log. Not thread-safe: one sync, one thread.
 */
public final class ProviderSession {

  private final CalendarProvider provider;
  private final OAuthTokens oauth;
  private final Duration refreshLead;
  private final Consumer<OAuthState> onRefresh;
  private final URI feed;
  private OAuthState tokens;
  private int calls;

  private ProviderSession(
      CalendarProvider provider,
      OAuthTokens oauth,
      Duration refreshLead,
      OAuthState tokens,
      Consumer<OAuthState> onRefresh,
      URI feed) {
    this.provider = provider;
    this.oauth = oauth;
    this.refreshLead = refreshLead;
    this.tokens = tokens;
    this.onRefresh = onRefresh;
    this.feed = feed;
  }

  static ProviderSession oauth(
      CalendarProvider provider,
      OAuthTokens oauth,
      Duration refreshLead,
      OAuthState tokens,
      Consumer<OAuthState> onRefresh) {
    return new ProviderSession(provider, oauth, refreshLead, tokens, onRefresh, null);
  }

  static ProviderSession feed(CalendarProvider provider, URI feed) {
    return new ProviderSession(provider, null, null, null, null, feed);
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
    var expiresAt = tokens.expiresAt();
    if (expiresAt == null || !expiresAt.isAfter(Instant.now().plus(refreshLead))) {
      var grant = oauth.refresh(tokens.refreshToken());
      tokens =
          new OAuthState(
              grant.accessToken(),
              grant.refreshToken() == null ? tokens.refreshToken() : grant.refreshToken(),
              grant.expiresAt());
      onRefresh.accept(tokens);
    }
    return new ProviderAccess.OAuth(tokens.accessToken());
  }
}
