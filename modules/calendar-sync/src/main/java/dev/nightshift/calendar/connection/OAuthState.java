package dev.nightshift.calendar.connection;

import java.time.Instant;

/** A Google connection's OAuth tokens, in the clear: never logged, never returned by the API. */
public record OAuthState(String accessToken, String refreshToken, Instant expiresAt) {

  @Override
  public String toString() {
    return "OAuthState[expiresAt=" + expiresAt + "]";
  }
}
