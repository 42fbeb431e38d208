package dev.nightshift.calendar.provider.google;

import dev.nightshift.calendar.provider.OAuthTokens;
import dev.nightshift.calendar.provider.ProviderNotConfiguredException;
import dev.nightshift.calendar.provider.google.GoogleTokenApi.TokenResponse;
import io.smallrye.faulttolerance.api.Guard;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;

/**
 * Refreshes Google access tokens at the token endpoint with the configured OAuth client, retrying
 * rate limits and 5xx like the Calendar calls. Keeps no state: the caller stores the grant.
 */
@ApplicationScoped
public class GoogleOAuthTokens implements OAuthTokens {

  private final GoogleTokenApi api;
  private final Guard guard;
  private final GoogleCalendarConfig config;

  GoogleOAuthTokens(GoogleCalendarConfig config) {
    this.api =
        GoogleCalls.build(GoogleTokenApi.class, config.tokenUrl(), config, new GoogleTokenErrors());
    this.guard = GoogleRetries.guard("google token refresh", config.retry());
    this.config = config;
  }

  /**
   * @throws ProviderNotConfiguredException the client id or secret is not configured
   * @throws dev.nightshift.calendar.provider.ConnectionRevokedException Google answered {@code
   *     invalid_grant}
   * @throws GoogleRefusedException the OAuth client was refused ({@code invalid_client}...)
   */
  @Override
  public Grant refresh(String refreshToken) {
    String clientId = config.clientId().filter(id -> !id.isBlank()).orElse(null);
    String clientSecret = config.clientSecret().filter(secret -> !secret.isBlank()).orElse(null);
    if (clientId == null || clientSecret == null) {
      throw new ProviderNotConfiguredException(
          "Google OAuth is not configured: set nightshift.calendar.google.client-id and"
              + " nightshift.calendar.google.client-secret to refresh access tokens");
    }
    // expires_in counts from Google's answer; counting from the request errs on the early side.
    Instant asked = Instant.now();
    TokenResponse answer =
        guard.get(
            () ->
                GoogleCalls.attempt(
                    "Google's token endpoint",
                    () -> api.refresh("refresh_token", clientId, clientSecret, refreshToken)),
            TokenResponse.class);
    if (answer.accessToken() == null) {
      throw new IllegalStateException("Google's token endpoint answered without an access token");
    }
    return new Grant(
        answer.accessToken(), asked.plusSeconds(answer.expiresIn()), answer.refreshToken());
  }
}
