package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.ConnectionRevokedException;
import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.OAuthTokens.Grant;
import dev.nightshift.calendar.provider.ProviderAccess;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;

/**
 * Turns a connection's stored tokens into {@link ProviderAccess} that stays valid through a sync:
 * the stored access token while it has more than {@code nightshift.calendar.google.refresh-skew} (5
 * minutes) to live, else a refreshed one. It reads and writes no database: when it answers {@link
 * Refreshed}, the caller seals and stores the grant (and the rotated refresh token, if Google sent
 * one) before or together with the sync's writes. Thread-safe.
 */
@ApplicationScoped
public class GoogleAccess {

  private final OAuthTokens tokens;
  private final Duration skew;
  private final InstantSource clock;

  @Inject
  GoogleAccess(OAuthTokens tokens, GoogleCalendarConfig config) {
    this(tokens, config.refreshSkew(), InstantSource.system());
  }

  GoogleAccess(OAuthTokens tokens, Duration skew, InstantSource clock) {
    this.tokens = tokens;
    this.skew = skew;
    this.clock = clock;
  }

  /**
   * Access for a sync.
   *
   * @param accessToken the stored access token, or null
   * @param refreshToken the stored refresh token, or null when the connection has none
   * @param expiresAt when the access token expires; null is unknown and refreshes
   * @throws GoogleUnavailableException the token endpoint did not answer and the stored token has
   *     expired (while it is still valid, it is used instead)
   * @throws ConnectionRevokedException Google revoked the grant ({@code invalid_grant}), or the
   *     access token has expired and there is no refresh token to renew it with
   */
  public Fresh fresh(String accessToken, String refreshToken, Instant expiresAt) {
    Instant now = clock.instant();
    boolean usable = accessToken != null && expiresAt != null && expiresAt.isAfter(now);
    if (usable && expiresAt.isAfter(now.plus(skew))) {
      return new Current(new ProviderAccess.OAuth(accessToken));
    }
    if (refreshToken == null) {
      if (usable) {
        // About to expire and nothing to renew it with: it still serves a short sync.
        return new Current(new ProviderAccess.OAuth(accessToken));
      }
      throw new ConnectionRevokedException(
          "The Google access token has expired and the connection has no refresh token:"
              + " connect the account again");
    }
    try {
      return new Refreshed(tokens.refresh(refreshToken));
    } catch (GoogleUnavailableException unavailable) {
      if (usable) {
        // Google's token endpoint is down for now, and the token still has a few minutes.
        return new Current(new ProviderAccess.OAuth(accessToken));
      }
      throw unavailable;
    }
  }

  /** What {@link #fresh} decided. */
  public sealed interface Fresh {

    ProviderAccess.OAuth access();
  }

  /** The stored access token serves: nothing to store. */
  public record Current(ProviderAccess.OAuth access) implements Fresh {}

  /** A new access token: store {@code grant} (its refresh token is non-null if rotated). */
  public record Refreshed(Grant grant) implements Fresh {

    @Override
    public ProviderAccess.OAuth access() {
      return new ProviderAccess.OAuth(grant.accessToken());
    }
  }
}
