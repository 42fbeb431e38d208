package dev.nightshift.calendar.provider;

import java.time.Instant;

/** Exchanges a refresh token for a new access token (Google's OAuth 2.0 token endpoint). */
public interface OAuthTokens {

  /**
   * @throws ConnectionRevokedException the grant is revoked or expired ({@code invalid_grant})
   */
  Grant refresh(String refreshToken);

  /** A new access token; {@code refreshToken} is non-null only when the provider rotated it. */
  record Grant(String accessToken, Instant expiresAt, String refreshToken) {}
}
