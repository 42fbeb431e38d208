package dev.nightshift.transactions.provider.gocardless;

import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.AccessToken;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.RefreshRequest;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.SecretRequest;
import dev.nightshift.transactions.provider.gocardless.GoCardlessApi.TokenPair;
import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The node's GoCardless access token. {@code POST /token/new/} trades the secret for an access
 * token (a day) and a refresh token (a month); the access token is kept until shortly before it
 * expires, then renewed with {@code POST /token/refresh/}, and only when the refresh token is over
 * too with the secret again (the token endpoint allows 100 calls an hour). Thread safe: callers
 * wait while one of them renews, so a node never asks for two tokens at once.
 */
final class GoCardlessTokens {

  /** Renew this much before GoCardless's expiry, so a token never runs out during a call. */
  static final Duration MARGIN = Duration.ofMinutes(1);

  private final GoCardlessApi api;
  private final String secretId;
  private final String secretKey;
  private final InstantSource clock;
  private final ReentrantLock lock = new ReentrantLock();

  private String access;
  private Instant accessUntil = Instant.MIN;
  private String refresh;
  private Instant refreshUntil = Instant.MIN;

  GoCardlessTokens(GoCardlessApi api, String secretId, String secretKey, InstantSource clock) {
    this.api = api;
    this.secretId = secretId;
    this.secretKey = secretKey;
    this.clock = clock;
  }

  /** The {@code Authorization} header value for a call. */
  String bearer() {
    lock.lock();
    try {
      Instant now = clock.instant();
      if (access == null || !now.isBefore(accessUntil)) {
        renew(now);
      }
      return "Bearer " + access;
    } finally {
      lock.unlock();
    }
  }

  /** GoCardless refused this header: the next call fetches a new token. */
  void rejected(String bearer) {
    lock.lock();
    try {
      if (bearer.equals("Bearer " + access)) {
        access = null;
      }
    } finally {
      lock.unlock();
    }
  }

  private void renew(Instant now) {
    if (refresh != null && now.isBefore(refreshUntil)) {
      try {
        AccessToken renewed = api.refreshToken(new RefreshRequest(refresh));
        access = renewed.access();
        accessUntil = until(now, renewed.accessExpires());
        return;
      } catch (RejectedTokenException refreshOver) {
        refresh = null;
      }
    }
    if (secretId == null || secretKey == null) {
      throw new IllegalStateException(
          "GoCardless is not configured: set nightshift.transactions.gocardless.secret-id and"
              + " secret-key");
    }
    TokenPair pair;
    try {
      pair = api.newToken(new SecretRequest(secretId, secretKey));
    } catch (RejectedTokenException refused) {
      throw new IllegalStateException(
          "GoCardless refused the configured secret id and key: " + refused.getMessage());
    }
    access = pair.access();
    accessUntil = until(now, pair.accessExpires());
    refresh = pair.refresh();
    refreshUntil = until(now, pair.refreshExpires());
  }

  private static Instant until(Instant now, long expiresInSeconds) {
    return now.plusSeconds(expiresInSeconds).minus(MARGIN);
  }
}
